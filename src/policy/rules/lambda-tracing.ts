import { HIPAA } from "../controls";
import { first, resourcesOfType } from "../terraform";
import type { Rule } from "../types";

export const lambdaTracing: Rule = {
  id: "LAM-002",
  severity: "error",
  title: "Lambda functions trace actively with X-Ray",
  rationale: "Tracing ties an agent's tool call to the function run and the table it touched.",
  fix: 'Add tracing_config { mode = "Active" }.',
  controls: [HIPAA.audit, HIPAA.activityReview],
  check: (stacks) =>
    resourcesOfType(stacks, "aws_lambda_function")
      .filter((fn) => first(fn.block, "tracing_config").mode !== "Active")
      .map((fn) => ({ address: fn.address, message: "tracing_config.mode is not Active" })),
};
