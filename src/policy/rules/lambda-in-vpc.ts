import { PCI } from "../controls";
import { first, flagResources, strings } from "../terraform";
import type { Rule } from "../types";

export const lambdaInVpc: Rule = {
  id: "LAM-001",
  severity: "error",
  title: "Lambda functions run in the VPC, with subnets and security groups",
  rationale:
    "A function outside the VPC has AWS's internet egress and bypasses the endpoints, their " +
    "policies and the flow logs.",
  fix: "Set vpc_config with the private subnets and the gateway-lambda security group.",
  controls: [PCI.outbound, PCI.untrusted],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_lambda_function",
      (fn) => {
        const vpc = first(fn.block, "vpc_config");
        return strings(vpc.subnet_ids).length === 0 || strings(vpc.security_group_ids).length === 0;
      },
      "has no vpc_config with subnets and groups",
    ),
};
