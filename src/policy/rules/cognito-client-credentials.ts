import { HIPAA, PCI } from "../controls";
import { resourcesOfType, strings } from "../terraform";
import type { Rule, RuleFinding } from "../types";

/** Flows that let a client present a user's password. */
const PASSWORD_FLOWS = [
  "ALLOW_USER_PASSWORD_AUTH",
  "ALLOW_ADMIN_USER_PASSWORD_AUTH",
  "USER_PASSWORD_AUTH",
  "ADMIN_NO_SRP_AUTH",
];

export const cognitoClientCredentials: Rule = {
  id: "COG-001",
  severity: "error",
  title: "Cognito app clients use the client_credentials flow only",
  rationale:
    "These clients are machines (agent → MCP, agent → gateway). Implicit and code flows hand " +
    "tokens to browsers; password flows put user passwords through our code.",
  fix: 'Set allowed_oauth_flows = ["client_credentials"] and no password explicit_auth_flows.',
  controls: [HIPAA.authentication, PCI.authentication],
  check: (stacks) =>
    resourcesOfType(stacks, "aws_cognito_user_pool_client").flatMap((client): RuleFinding[] => {
      const flows = strings(client.block.allowed_oauth_flows);
      const passwords = strings(client.block.explicit_auth_flows).filter((flow) =>
        PASSWORD_FLOWS.includes(flow),
      );
      const findings: RuleFinding[] = [];
      if (flows.length !== 1 || flows[0] !== "client_credentials") {
        findings.push({
          address: client.address,
          message: `OAuth flows are [${flows.join(", ")}]`,
        });
      }
      if (passwords.length > 0) {
        findings.push({ address: client.address, message: `allows ${passwords.join(", ")}` });
      }
      return findings;
    }),
};
