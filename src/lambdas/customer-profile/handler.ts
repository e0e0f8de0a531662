import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Context } from "aws-lambda";
import { CUSTOMER_KEY, TABLE_ENV } from "../shared/tables";
import { fail, invokedTool, ok, requiredEnv, type ToolResult } from "../shared/tool-result";
import { checkInput } from "../shared/tool-schema";
import { GET_PROFILE, UPDATABLE_FIELDS, UPDATE_PROFILE } from "./tools";

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/** Profile attributes returned to the agent; internal attributes stay inside. */
const RETURNED = [
  CUSTOMER_KEY,
  "name",
  ...UPDATABLE_FIELDS.map((field) => field.name),
  "updated_at",
];

function visible(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    RETURNED.filter((key) => item[key] !== undefined).map((key) => [key, item[key]]),
  );
}

/**
 * Gateway tools `get_customer_profile` and `update_customer_profile` on one function: the
 * gateway tells them apart by the tool name in the client context. `now` stamps `updated_at`.
 */
export function customerProfileTool(now: () => Date) {
  return async (event: unknown, context: Pick<Context, "clientContext">): Promise<ToolResult> => {
    const tool = invokedTool(context);
    if (tool === GET_PROFILE.name) return getProfile(event);
    if (tool === UPDATE_PROFILE.name) return updateProfile(event, now());
    return fail(
      "UNKNOWN_TOOL",
      `expected ${GET_PROFILE.name} or ${UPDATE_PROFILE.name}, got ${tool ?? "no tool name"}`,
    );
  };
}

/** The Lambda entry point (see the warranty tool for why the clock is bound here). */
export const handler = customerProfileTool(() => new Date());

async function getProfile(event: unknown): Promise<ToolResult> {
  const problem = checkInput(GET_PROFILE, event);
  if (problem !== undefined) return fail("INVALID_INPUT", problem);
  const customerId = (event as Record<string, string>)[CUSTOMER_KEY];

  const { Item: item } = await documents.send(
    new GetCommand({
      TableName: requiredEnv(TABLE_ENV["customer-profile"]),
      Key: { [CUSTOMER_KEY]: customerId },
    }),
  );
  if (item === undefined) return fail("NOT_FOUND", `no customer ${customerId}`);
  return ok(visible(item));
}

async function updateProfile(event: unknown, at: Date): Promise<ToolResult> {
  const problem = checkInput(UPDATE_PROFILE, event);
  if (problem !== undefined) return fail("INVALID_INPUT", problem);
  const args = event as Record<string, string>;
  const changes = UPDATABLE_FIELDS.map((field) => field.name).filter(
    (name) => args[name] !== undefined,
  );
  if (changes.length === 0) {
    return fail(
      "INVALID_INPUT",
      `give at least one of ${UPDATABLE_FIELDS.map((f) => f.name).join(", ")}`,
    );
  }

  // Placeholders for every name: `name` and friends are DynamoDB reserved words.
  const assignments = [...changes, "updated_at"].map((_name, index) => `#f${index} = :v${index}`);
  const names = Object.fromEntries(
    [...changes, "updated_at"].map((name, index) => [`#f${index}`, name]),
  );
  const values = Object.fromEntries(
    [...changes.map((name) => args[name]), at.toISOString()].map((value, index) => [
      `:v${index}`,
      value,
    ]),
  );
  try {
    const { Attributes: updated } = await documents.send(
      new UpdateCommand({
        TableName: requiredEnv(TABLE_ENV["customer-profile"]),
        Key: { [CUSTOMER_KEY]: args[CUSTOMER_KEY] },
        UpdateExpression: `SET ${assignments.join(", ")}`,
        // Never create a profile by updating one that does not exist.
        ConditionExpression: "attribute_exists(#key)",
        ExpressionAttributeNames: { ...names, "#key": CUSTOMER_KEY },
        ExpressionAttributeValues: values,
        ReturnValues: "ALL_NEW",
      }),
    );
    return ok(visible(updated ?? {}));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      return fail("NOT_FOUND", `no customer ${args[CUSTOMER_KEY]}`);
    }
    throw error;
  }
}
