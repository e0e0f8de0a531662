import { PCI } from "../controls";
import { resourcesOfType, strings } from "../terraform";
import type { Rule, RuleFinding } from "../types";

export const cognitoMachineClient: Rule = {
  id: "COG-002",
  severity: "error",
  title: "Cognito machine clients have the OAuth flag, a secret and resource-server scopes",
  rationale:
    "Without the user-pool OAuth flag or a generated secret the token endpoint answers " +
    "invalid_grant (PITFALLS P2, terraform-provider-aws #34945, #4984); standard scopes " +
    "(openid, email) mean nothing to a machine.",
  fix:
    "Set allowed_oauth_flows_user_pool_client = true, generate_secret = true and only " +
    "<resource-server>/<scope> entries in allowed_oauth_scopes.",
  controls: [PCI.authentication],
  check: (stacks) =>
    resourcesOfType(stacks, "aws_cognito_user_pool_client").flatMap((client): RuleFinding[] => {
      const problems = [
        client.block.allowed_oauth_flows_user_pool_client !== true && "OAuth flag off",
        client.block.generate_secret !== true && "no generated secret",
        strings(client.block.allowed_oauth_scopes).length === 0 && "no scopes",
        ...strings(client.block.allowed_oauth_scopes)
          .filter((scope) => !scope.includes("/"))
          .map((scope) => `scope ${scope} is not a resource-server scope`),
      ].filter((problem): problem is string => typeof problem === "string");
      return problems.map((message) => ({ address: client.address, message }));
    }),
};
