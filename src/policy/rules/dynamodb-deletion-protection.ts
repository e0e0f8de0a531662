import { HIPAA } from "../controls";
import { flagResources } from "../terraform";
import type { Rule } from "../types";

export const dynamodbDeletionProtection: Rule = {
  id: "DDB-002",
  severity: "error",
  title: "DynamoDB tables have deletion protection",
  rationale:
    "prevent_destroy guards only Terraform; deletion protection also stops the console, the " +
    "CLI and a replaced resource.",
  fix: "Set deletion_protection_enabled = true.",
  controls: [HIPAA.backup, HIPAA.integrity],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_dynamodb_table",
      (table) => table.block.deletion_protection_enabled !== true,
      "deletion protection is off",
    ),
};
