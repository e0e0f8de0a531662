import { HIPAA, PCI } from "../controls";
import { first, resourcesOfType, strings } from "../terraform";
import type { Rule } from "../types";

export const mcpRuntimeJwt: Rule = {
  id: "ACR-004",
  severity: "error",
  title: "MCP runtimes require a JWT authorizer with a discovery URL and audience or clients",
  rationale:
    "The MCP server exposes tools over customer data; without an authorizer any caller with " +
    "invoke rights can call every tool.",
  fix:
    "Add authorizer_configuration { custom_jwt_authorizer { discovery_url, allowed_clients } } " +
    "pointing at the Cognito user pool.",
  controls: [HIPAA.authentication, PCI.authentication],
  check: (stacks) =>
    resourcesOfType(stacks, "aws_bedrockagentcore_agent_runtime")
      .filter((runtime) => first(runtime.block, "protocol_configuration").server_protocol === "MCP")
      .filter((runtime) => {
        const jwt = first(
          first(runtime.block, "authorizer_configuration"),
          "custom_jwt_authorizer",
        );
        const audience = [...strings(jwt.allowed_audience), ...strings(jwt.allowed_clients)];
        return !jwt.discovery_url || audience.length === 0;
      })
      .map((runtime) => ({
        address: runtime.address,
        message: "MCP runtime without JWT authorizer",
      })),
};
