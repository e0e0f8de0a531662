import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { lookupWarrantyTool } from "../../src/lambdas/warranty-lookup/handler";

const dynamo = mockClient(DynamoDBDocumentClient);
const lookup = lookupWarrantyTool(() => new Date("2026-06-01T12:00:00Z"));
const asGateway = {
  clientContext: { custom: { bedrockAgentCoreToolName: "warranty___lookup_warranty" } },
} as never;

describe("the warranty lookup tool", () => {
  beforeEach(() => {
    dynamo.reset();
    process.env.WARRANTY_TABLE = "cs-agent-test-warranty";
  });

  it("reads the warranty table by upper-cased serial number and reports an active warranty", async () => {
    dynamo.on(GetCommand).resolves({
      Item: {
        serial_number: "SN-2024-000123",
        product_id: "P-1",
        coverage: "extended",
        start_date: "2024-01-01",
        end_date: "2027-01-01",
        internal_note: "never shown",
      },
    });
    const result = await lookup({ serial_number: "sn-2024-000123" }, asGateway);
    expect(dynamo.commandCalls(GetCommand)[0].args[0].input).toEqual({
      TableName: "cs-agent-test-warranty",
      Key: { serial_number: "SN-2024-000123" },
    });
    expect(result).toEqual({
      ok: true,
      result: {
        serial_number: "SN-2024-000123",
        product_id: "P-1",
        coverage: "extended",
        start_date: "2024-01-01",
        end_date: "2027-01-01",
        active: true,
      },
    });
  });

  it("reports an expired warranty as inactive", async () => {
    dynamo
      .on(GetCommand)
      .resolves({ Item: { serial_number: "SN-OLD-0001", end_date: "2026-05-31" } });
    const result = await lookup({ serial_number: "SN-OLD-0001" }, asGateway);
    expect(result).toMatchObject({ ok: true, result: { active: false } });
  });

  it("answers NOT_FOUND for an unknown serial number", async () => {
    dynamo.on(GetCommand).resolves({});
    expect(await lookup({ serial_number: "SN-NONE-0001" }, asGateway)).toEqual({
      ok: false,
      error: {
        code: "NOT_FOUND",
        message: "no warranty is registered for serial number SN-NONE-0001",
      },
    });
  });

  it.each([
    [{}, "serial_number is required"],
    [{ serial_number: 42 }, "serial_number must be a string"],
    [{ serial_number: "x" }, "serial_number has the wrong format"],
    [{ serial_number: "SN-1'; DROP" }, "serial_number has the wrong format"],
    [{ serial_number: "SN-2024-000123", extra: 1 }, "unknown argument(s): extra"],
    ["SN-2024-000123", "arguments must be a JSON object"],
  ])("rejects %j without reading the table", async (input, message) => {
    expect(await lookup(input, asGateway)).toEqual({
      ok: false,
      error: { code: "INVALID_INPUT", message },
    });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses a tool name it does not serve", async () => {
    const other = {
      clientContext: { custom: { bedrockAgentCoreToolName: "x___drop_tables" } },
    } as never;
    expect(await lookup({ serial_number: "SN-2024-000123" }, other)).toMatchObject({
      ok: false,
      error: { code: "UNKNOWN_TOOL" },
    });
  });

  it("fails loudly when deployed without its table name", async () => {
    delete process.env.WARRANTY_TABLE;
    await expect(lookup({ serial_number: "SN-2024-000123" }, asGateway)).rejects.toThrow(
      "WARRANTY_TABLE is not set",
    );
  });

  it("lets a DynamoDB failure propagate, so Lambda logs it and the gateway reports it", async () => {
    dynamo.on(GetCommand).rejects(new Error("throttled"));
    await expect(lookup({ serial_number: "SN-2024-000123" }, asGateway)).rejects.toThrow(
      "throttled",
    );
  });
});
