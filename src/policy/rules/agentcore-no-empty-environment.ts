import { PCI } from "../controls";
import { flagResources, isBlock } from "../terraform";
import type { Rule } from "../types";

export const agentcoreNoEmptyEnvironment: Rule = {
  id: "ACR-002",
  severity: "error",
  title: "AgentCore runtimes never carry an empty environment_variables map",
  rationale:
    "An empty map comes back from the API as null and ends in a provider inconsistency after " +
    "apply (PITFALLS P4, terraform-provider-aws #45885).",
  fix: "Omit environment_variables when there are none.",
  controls: [PCI.changeControl],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_bedrockagentcore_agent_runtime",
      (runtime) => {
        const variables = runtime.block.environment_variables;
        return isBlock(variables) && Object.keys(variables).length === 0;
      },
      "environment_variables is {}",
    ),
};
