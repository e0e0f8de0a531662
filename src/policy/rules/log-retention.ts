import { HIPAA, PCI } from "../controls";
import { flagResources } from "../terraform";
import type { Rule } from "../types";

export const logRetention: Rule = {
  id: "LOG-001",
  severity: "error",
  title: "Log groups have a retention period (never 0, which keeps logs forever)",
  rationale:
    "Unbounded logs keep customer data longer than any purpose needs and cost without limit; " +
    "a retention makes the look-back a decision.",
  fix: "Set retention_in_days to one of CloudWatch's periods (365 for audit logs).",
  controls: [PCI.logRetention, HIPAA.audit],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_cloudwatch_log_group",
      (group) => {
        const days = group.block.retention_in_days;
        return days === undefined || days === 0 || days === "0";
      },
      (group) => `retention_in_days is ${String(group.block.retention_in_days ?? "unset")}`,
    ),
};
