import { RESULT_PROPERTIES, type ToolDefinition } from "../shared/tool-schema";

/** Serial numbers: letters, digits and hyphens, 6 to 40 characters (case-insensitive). */
export const SERIAL_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{4,38}[A-Za-z0-9]$/;

export const LOOKUP_WARRANTY: ToolDefinition = {
  name: "lookup_warranty",
  description:
    "Look up the warranty of a product by its serial number: coverage, dates and whether it is active today.",
  input: [
    {
      name: "serial_number",
      type: "string",
      description: "Serial number printed on the product, e.g. SN-2024-000123",
      required: true,
      pattern: SERIAL_NUMBER,
      format: "6 to 40 letters, digits or inner hyphens",
      maxLength: 40,
    },
  ],
  output: RESULT_PROPERTIES,
};

/** The tools of the warranty-lookup target. */
export const WARRANTY_TOOLS: readonly ToolDefinition[] = [LOOKUP_WARRANTY];
