import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Context } from "aws-lambda";
import { TABLE_ENV, WARRANTY_KEY } from "../shared/tables";
import { fail, invokedTool, ok, requiredEnv, type ToolResult } from "../shared/tool-result";
import { checkInput } from "../shared/tool-schema";
import { LOOKUP_WARRANTY } from "./tools";

// Created once per execution environment and reused across invocations.
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/** The item attributes the tool returns; anything else in the item stays inside. */
const RETURNED = ["product_id", "product_name", "coverage", "start_date", "end_date"] as const;

/**
 * Gateway tool `lookup_warranty`: the warranty of one product by serial number. Unexpected
 * failures (DynamoDB unreachable) are thrown: Lambda logs them and the gateway reports a failed
 * tool call. `now` is injectable so tests do not depend on the clock.
 */
export function lookupWarrantyTool(now: () => Date) {
  return async (event: unknown, context: Pick<Context, "clientContext">): Promise<ToolResult> => {
    const tool = invokedTool(context) ?? LOOKUP_WARRANTY.name;
    if (tool !== LOOKUP_WARRANTY.name)
      return fail("UNKNOWN_TOOL", `this function serves ${LOOKUP_WARRANTY.name}, not ${tool}`);

    const problem = checkInput(LOOKUP_WARRANTY, event);
    if (problem !== undefined) return fail("INVALID_INPUT", problem);
    // Serial numbers are stored upper-case; people type them any way.
    const serial = String((event as Record<string, unknown>)[WARRANTY_KEY]).toUpperCase();

    const { Item: item } = await documents.send(
      new GetCommand({
        TableName: requiredEnv(TABLE_ENV.warranty),
        Key: { [WARRANTY_KEY]: serial },
      }),
    );
    if (item === undefined)
      return fail("NOT_FOUND", `no warranty is registered for serial number ${serial}`);

    const warranty: Record<string, unknown> = { [WARRANTY_KEY]: serial };
    for (const attribute of RETURNED) {
      if (item[attribute] !== undefined) warranty[attribute] = item[attribute];
    }
    // ISO dates (YYYY-MM-DD) compare correctly as strings.
    const today = now().toISOString().slice(0, 10);
    const end = typeof item.end_date === "string" ? item.end_date : undefined;
    return ok({ ...warranty, active: end !== undefined && end >= today });
  };
}

/**
 * The Lambda entry point. Lambda calls it with (event, context, callback), so the clock is bound
 * here rather than taken as a third parameter.
 */
export const handler = lookupWarrantyTool(() => new Date());
