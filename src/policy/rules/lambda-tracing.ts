import { HIPAA } from "../controls";
import { first, flagResources } from "../terraform";
import type { Rule } from "../types";

export const lambdaTracing: Rule = {
  id: "LAM-002",
  severity: "error",
  title: "Lambda functions trace actively with X-Ray",
  rationale: "Tracing ties an agent's tool call to the function run and the table it touched.",
  fix: 'Add tracing_config { mode = "Active" }.',
  controls: [HIPAA.audit, HIPAA.activityReview],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_lambda_function",
      (fn) => first(fn.block, "tracing_config").mode !== "Active",
      "tracing_config.mode is not Active",
    ),
};
