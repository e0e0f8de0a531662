import type { BedrockagentcoreGatewayTargetTargetConfigurationMcpLambdaToolSchemaInlinePayload as InlinePayload } from "@cdktf/provider-aws/lib/bedrockagentcore-gateway-target";
import type { ToolDefinition, ToolProperty } from "../lambdas/shared/tool-schema";

/**
 * The gateway's inline schema has names, types, descriptions and `required` only; patterns and
 * allowed values go into the description, so the model still learns them. The handler enforces
 * them either way.
 */
function describe(property: ToolProperty): string {
  const notes = [
    property.format ? `format: ${property.format}` : undefined,
    property.oneOf ? `one of: ${property.oneOf.join(", ")}` : undefined,
    property.maxLength !== undefined ? `at most ${property.maxLength} characters` : undefined,
  ].filter((note): note is string => note !== undefined);
  return notes.length === 0
    ? property.description
    : `${property.description} (${notes.join("; ")})`;
}

function objectSchema(description: string, properties: readonly ToolProperty[]) {
  return [
    {
      type: "object",
      description,
      property: properties.map((property) => ({
        name: property.name,
        type: property.type,
        description: describe(property),
        required: property.required ?? false,
      })),
    },
  ];
}

/** One tool definition as the gateway target's `inline_payload` block. */
export function inlinePayload(tool: ToolDefinition): InlinePayload {
  return {
    name: tool.name,
    description: tool.description,
    inputSchema: objectSchema(`Arguments of ${tool.name}`, tool.input),
    outputSchema: objectSchema(`Result of ${tool.name}`, tool.output),
  };
}
