import { HIPAA } from "../controls";
import { first, flagResources } from "../terraform";
import type { Rule } from "../types";

export const dynamodbRecovery: Rule = {
  id: "DDB-001",
  severity: "error",
  title: "DynamoDB tables have point-in-time recovery",
  rationale:
    "A bad deploy or a runaway tool call can overwrite items; PITR restores the table to any " +
    "second of the last 35 days.",
  fix: "Add point_in_time_recovery { enabled = true }.",
  controls: [HIPAA.backup, HIPAA.integrity],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_dynamodb_table",
      (table) => first(table.block, "point_in_time_recovery").enabled !== true,
      "point-in-time recovery is off",
    ),
};
