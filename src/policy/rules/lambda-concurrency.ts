import { PCI } from "../controls";
import { flagResources } from "../terraform";
import type { Rule } from "../types";

export const lambdaConcurrency: Rule = {
  id: "LAM-003",
  severity: "error",
  title: "Lambda functions reserve their concurrency",
  rationale:
    "A tool loop in an agent can fan out without bound; a reservation caps it and keeps one " +
    "function from starving the account's other functions. 0 would disable the function.",
  fix: "Set reserved_concurrent_executions to a positive number.",
  controls: [PCI.secureConfig],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_lambda_function",
      (fn) => !(Number(fn.block.reserved_concurrent_executions) >= 1),
      (fn) =>
        `reserved_concurrent_executions is ${String(fn.block.reserved_concurrent_executions ?? "unset")}`,
    ),
};
