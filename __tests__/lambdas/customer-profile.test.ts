import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { customerProfileTool } from "../../src/lambdas/customer-profile/handler";

const dynamo = mockClient(DynamoDBDocumentClient);
const profile = customerProfileTool(() => new Date("2026-06-01T12:00:00Z"));
const as = (tool: string) =>
  ({
    clientContext: { custom: { bedrockAgentCoreToolName: `customer-profile___${tool}` } },
  }) as never;

describe("the customer profile tools", () => {
  beforeEach(() => {
    dynamo.reset();
    process.env.CUSTOMER_PROFILE_TABLE = "cs-agent-test-customer-profile";
  });

  it("get: returns the visible attributes of the profile", async () => {
    dynamo.on(GetCommand).resolves({
      Item: { customer_id: "c-1", name: "Ada", email: "ada@example.com", credit_score: 800 },
    });
    const result = await profile({ customer_id: "c-1" }, as("get_customer_profile"));
    expect(dynamo.commandCalls(GetCommand)[0].args[0].input).toEqual({
      TableName: "cs-agent-test-customer-profile",
      Key: { customer_id: "c-1" },
    });
    expect(result).toEqual({
      ok: true,
      result: { customer_id: "c-1", name: "Ada", email: "ada@example.com" },
    });
  });

  it("get: answers NOT_FOUND for an unknown customer", async () => {
    dynamo.on(GetCommand).resolves({});
    expect(await profile({ customer_id: "c-9" }, as("get_customer_profile"))).toEqual({
      ok: false,
      error: { code: "NOT_FOUND", message: "no customer c-9" },
    });
  });

  it("update: sets only the given fields and the timestamp, on an existing profile only", async () => {
    dynamo.on(UpdateCommand).resolves({
      Attributes: {
        customer_id: "c-1",
        email: "new@example.com",
        updated_at: "2026-06-01T12:00:00.000Z",
      },
    });
    const result = await profile(
      { customer_id: "c-1", email: "new@example.com", preferred_contact: "sms" },
      as("update_customer_profile"),
    );
    expect(dynamo.commandCalls(UpdateCommand)[0].args[0].input).toEqual({
      TableName: "cs-agent-test-customer-profile",
      Key: { customer_id: "c-1" },
      UpdateExpression: "SET #f0 = :v0, #f1 = :v1, #f2 = :v2",
      ConditionExpression: "attribute_exists(#key)",
      ExpressionAttributeNames: {
        "#f0": "email",
        "#f1": "preferred_contact",
        "#f2": "updated_at",
        "#key": "customer_id",
      },
      ExpressionAttributeValues: {
        ":v0": "new@example.com",
        ":v1": "sms",
        ":v2": "2026-06-01T12:00:00.000Z",
      },
      ReturnValues: "ALL_NEW",
    });
    expect(result).toMatchObject({ ok: true, result: { email: "new@example.com" } });
  });

  it("update: answers NOT_FOUND instead of creating a profile", async () => {
    dynamo
      .on(UpdateCommand)
      .rejects(new ConditionalCheckFailedException({ message: "failed", $metadata: {} }));
    expect(
      await profile({ customer_id: "c-9", phone: "+14155550100" }, as("update_customer_profile")),
    ).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "no customer c-9" } });
  });

  it.each([
    [{ customer_id: "c-1" }, "give at least one of email, phone, preferred_contact, address"],
    [{ customer_id: "c-1", email: "not-an-address" }, "email has the wrong format"],
    [{ customer_id: "c-1", phone: "555-0100" }, "phone has the wrong format"],
    [
      { customer_id: "c-1", preferred_contact: "fax" },
      "preferred_contact must be one of email, phone, sms",
    ],
    [{ customer_id: "c-1", tier: "gold" }, "unknown argument(s): tier"],
    [{ customer_id: "c 1", email: "a@b.co" }, "customer_id has the wrong format"],
    [{ email: "a@b.co" }, "customer_id is required"],
  ])("update: rejects %j without touching the table", async (input, message) => {
    expect(await profile(input, as("update_customer_profile"))).toEqual({
      ok: false,
      error: { code: "INVALID_INPUT", message },
    });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses a call without a known tool name", async () => {
    expect(await profile({ customer_id: "c-1" }, {} as never)).toEqual({
      ok: false,
      error: {
        code: "UNKNOWN_TOOL",
        message: "expected get_customer_profile or update_customer_profile, got no tool name",
      },
    });
  });

  it("lets an unexpected DynamoDB failure propagate", async () => {
    dynamo.on(UpdateCommand).rejects(new Error("throttled"));
    await expect(
      profile({ customer_id: "c-1", address: "1 Main St" }, as("update_customer_profile")),
    ).rejects.toThrow("throttled");
  });
});
