import { PCI } from "../controls";
import { blocks, first, resourcesOfType } from "../terraform";
import type { Rule } from "../types";

export const gatewayLambdaIamRole: Rule = {
  id: "ACR-006",
  severity: "error",
  title: "Gateway Lambda targets use the gateway's IAM role as credentials",
  rationale:
    "A Lambda target given an OAuth or API-key credential provider fails (PITFALLS P13, " +
    "aws-cdk #38149); the gateway role, allowed to invoke exactly those functions, is the design.",
  fix: "Set credential_provider_configuration { gateway_iam_role {} } and nothing else.",
  controls: [PCI.leastPrivilege],
  check: (stacks) =>
    resourcesOfType(stacks, "aws_bedrockagentcore_gateway_target")
      .filter(
        (target) =>
          blocks(first(first(target.block, "target_configuration"), "mcp").lambda).length > 0,
      )
      .filter((target) => {
        const credentials = first(target.block, "credential_provider_configuration");
        return (
          blocks(credentials.gateway_iam_role).length === 0 ||
          blocks(credentials.oauth).length > 0 ||
          blocks(credentials.api_key).length > 0
        );
      })
      .map((target) => ({
        address: target.address,
        message: "Lambda target does not use gateway_iam_role credentials alone",
      })),
};
