import { HIPAA, PCI } from "../controls";
import { blocks, flagResources, refersTo, resourcesOfType } from "../terraform";
import type { Rule } from "../types";

export const defaultSecurityGroupLocked: Rule = {
  id: "NET-008",
  severity: "error",
  title: "Every VPC's default security group is taken over with no rules",
  rationale:
    "An ENI created without an explicit group lands in the default group; with AWS's default " +
    "rules it can talk to everything else in that group.",
  fix:
    "Add an aws_default_security_group for the VPC with no ingress and no egress attribute " +
    "(the provider then revokes every rule).",
  controls: [PCI.secureConfig, PCI.nscConfig, HIPAA.accessControl],
  check: (stacks) => {
    const defaults = resourcesOfType(stacks, "aws_default_security_group");
    const withRules = defaults.flatMap((group) =>
      (["ingress", "egress"] as const)
        .filter((key) => blocks(group.block[key]).length > 0)
        .map((key) => ({ address: group.address, message: `default group keeps ${key} rules` })),
    );
    const unlocked = flagResources(
      stacks,
      "aws_vpc",
      (vpc) => !defaults.some((group) => refersTo(stacks, group.stack, group.block.vpc_id, vpc)),
      "no aws_default_security_group takes over this VPC's default group",
    );
    return [...withRules, ...unlocked];
  },
};
