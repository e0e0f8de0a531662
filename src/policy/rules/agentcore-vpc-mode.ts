import { PCI } from "../controls";
import { first, resourcesOfType, strings } from "../terraform";
import type { Rule } from "../types";

export const agentcoreVpcMode: Rule = {
  id: "ACR-001",
  severity: "error",
  title: "AgentCore runtimes run in VPC mode with subnets and security groups",
  rationale:
    "PUBLIC mode gives the runtime AWS's internet egress; VPC mode without a complete network " +
    "block fails to create (PITFALLS P3, bedrock-agentcore-starter-toolkit #220).",
  fix: 'Set network_mode = "VPC" with network_mode_config { subnets, security_groups }.',
  controls: [PCI.outbound, PCI.untrusted],
  check: (stacks) =>
    resourcesOfType(stacks, "aws_bedrockagentcore_agent_runtime").flatMap((runtime) => {
      const network = first(runtime.block, "network_configuration");
      const config = first(network, "network_mode_config");
      const problems = [
        network.network_mode !== "VPC" && `network_mode is ${String(network.network_mode)}`,
        strings(config.subnets).length === 0 && "no subnets",
        strings(config.security_groups).length === 0 && "no security groups",
      ].filter((problem): problem is string => typeof problem === "string");
      return problems.map((message) => ({ address: runtime.address, message }));
    }),
};
