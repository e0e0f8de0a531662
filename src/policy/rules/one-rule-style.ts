import { PCI } from "../controls";
import { resourcesOfType } from "../terraform";
import type { Rule } from "../types";

export const oneRuleStyle: Rule = {
  id: "NET-007",
  severity: "error",
  title: "Security groups use standalone aws_vpc_security_group_*_rule resources only",
  rationale:
    "A group with inline ingress/egress (even an empty list) and standalone rules flip-flops on " +
    "every apply or wipes the rules (PITFALLS P1, terraform-provider-aws #32379); " +
    "aws_security_group_rule has the same conflict and no per-rule id.",
  fix:
    "Drop the inline attribute entirely and create aws_vpc_security_group_ingress_rule / " +
    "aws_vpc_security_group_egress_rule resources.",
  controls: [PCI.nscConfig, PCI.changeControl],
  check: (stacks) => [
    ...resourcesOfType(stacks, "aws_security_group").flatMap((group) =>
      (["ingress", "egress"] as const)
        .filter((key) => group.block[key] !== undefined)
        .map((key) => ({
          address: group.address,
          message: `carries an inline \`${key}\` attribute`,
        })),
    ),
    ...resourcesOfType(stacks, "aws_security_group_rule").map((rule) => ({
      address: rule.address,
      message: "uses the legacy aws_security_group_rule style",
    })),
  ],
};
