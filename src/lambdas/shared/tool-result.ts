import type { Context } from "aws-lambda";

/**
 * What a tool returns: `{ ok: true, result }` or `{ ok: false, error: { code, message } }`.
 * Expected failures (bad input, nothing found) are results, not thrown errors, so the agent gets
 * a message it can act on instead of a generic gateway error.
 */
export type ToolResult =
  | { readonly ok: true; readonly result: Record<string, unknown> }
  | {
      readonly ok: false;
      readonly error: { readonly code: ToolErrorCode; readonly message: string };
    };

export type ToolErrorCode = "INVALID_INPUT" | "NOT_FOUND" | "UNKNOWN_TOOL" | "INTERNAL";

export const ok = (result: Record<string, unknown>): ToolResult => ({ ok: true, result });

export const fail = (code: ToolErrorCode, message: string): ToolResult => ({
  ok: false,
  error: { code, message },
});

/** The gateway names tools `<target>___<tool>`; the handler sees the full name. */
const TARGET_SEPARATOR = "___";

/**
 * The tool the gateway invoked, without its target prefix. The gateway passes the name in the
 * Lambda client context (`bedrockAgentCoreToolName`); the event holds only the arguments.
 */
export function invokedTool(context: Pick<Context, "clientContext">): string | undefined {
  const name: unknown = context.clientContext?.custom?.bedrockAgentCoreToolName;
  if (typeof name !== "string") return undefined;
  const cut = name.indexOf(TARGET_SEPARATOR);
  return cut === -1 ? name : name.slice(cut + TARGET_SEPARATOR.length);
}

/** Reads a required environment variable at call time; a missing one is a deployment bug. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "")
    throw new Error(`environment variable ${name} is not set`);
  return value;
}
