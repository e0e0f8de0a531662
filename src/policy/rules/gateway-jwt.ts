import { HIPAA, PCI } from "../controls";
import { first, flagResources } from "../terraform";
import type { Rule } from "../types";

export const gatewayJwt: Rule = {
  id: "ACR-005",
  severity: "error",
  title: "AgentCore gateways authorize callers with CUSTOM_JWT",
  rationale: "The gateway fronts the tool Lambdas; it must check who is calling.",
  fix: 'Set authorizer_type = "CUSTOM_JWT" with a custom_jwt_authorizer block.',
  controls: [HIPAA.authentication, PCI.authentication],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_bedrockagentcore_gateway",
      (gateway) =>
        gateway.block.authorizer_type !== "CUSTOM_JWT" ||
        !first(first(gateway.block, "authorizer_configuration"), "custom_jwt_authorizer")
          .discovery_url,
      (gateway) =>
        `authorizer_type is ${String(gateway.block.authorizer_type)} or has no discovery_url`,
    ),
};
