/**
 * Tool definitions as data. The gateway target construct turns them into the MCP tool schema
 * the agent sees, and the handlers validate their input against the same definitions, so the
 * advertised contract and the enforced one cannot drift apart.
 *
 * This file is bundled into the Lambda zips: it must import nothing.
 */

/** The JSON-schema types the AgentCore gateway's inline tool schema supports. */
export type PropertyType = "string" | "integer" | "number" | "boolean" | "object" | "array";

interface BaseProperty {
  readonly name: string;
  readonly type: PropertyType;
  readonly description: string;
  /** The caller must send it (input) or the tool always returns it (output). Default: false. */
  readonly required?: boolean;
  /** For strings: allowed values. */
  readonly oneOf?: readonly string[];
  /** For strings: maximum length. */
  readonly maxLength?: number;
}

/**
 * For strings: `pattern` is enforced by the handler; `format` says the same in words for the
 * model. The regex itself never reaches Terraform: cdktf's HCL rendering does not escape
 * backslashes, so a `\s` in a description would break the HCL exit path (see README).
 */
type Patterned =
  | { readonly pattern: RegExp; readonly format: string }
  | { readonly pattern?: undefined; readonly format?: undefined };

export type ToolProperty = BaseProperty & Patterned;

export interface ToolDefinition {
  /** Tool name as the agent sees it, after the gateway's `<target>___` prefix. */
  readonly name: string;
  readonly description: string;
  readonly input: readonly ToolProperty[];
  readonly output: readonly ToolProperty[];
}

/** Every tool answers in this envelope, so the agent can tell a miss from a failure. */
export const RESULT_PROPERTIES: readonly ToolProperty[] = [
  { name: "ok", type: "boolean", description: "true when the tool did its job", required: true },
  { name: "result", type: "object", description: "the answer, present when ok is true" },
  {
    name: "error",
    type: "object",
    description: "present when ok is false: code (INVALID_INPUT, NOT_FOUND, ...) and message",
  },
];

/** The first problem with `input` against `tool`'s input properties, or undefined when valid. */
export function checkInput(tool: ToolDefinition, input: unknown): string | undefined {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return "arguments must be a JSON object";
  }
  const args = input as Record<string, unknown>;
  const known = new Set(tool.input.map((property) => property.name));
  const unknown = Object.keys(args).filter((key) => !known.has(key));
  if (unknown.length > 0) return `unknown argument(s): ${unknown.sort().join(", ")}`;

  for (const property of tool.input) {
    const value = args[property.name];
    if (value === undefined || value === null) {
      if (property.required) return `${property.name} is required`;
      continue;
    }
    if (property.type === "string") {
      if (typeof value !== "string") return `${property.name} must be a string`;
      if (property.maxLength !== undefined && value.length > property.maxLength) {
        return `${property.name} must be at most ${property.maxLength} characters`;
      }
      if (property.pattern && !property.pattern.test(value)) {
        return `${property.name} has the wrong format`;
      }
      if (property.oneOf && !property.oneOf.includes(value)) {
        return `${property.name} must be one of ${property.oneOf.join(", ")}`;
      }
    } else if (property.type === "integer" && !Number.isInteger(value)) {
      return `${property.name} must be an integer`;
    } else if (property.type === "boolean" && typeof value !== "boolean") {
      return `${property.name} must be true or false`;
    }
  }
  return undefined;
}
