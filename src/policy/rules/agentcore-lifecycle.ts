import { PCI } from "../controls";
import { first, isToken, resourcesOfType } from "../terraform";
import type { Rule, RuleFinding } from "../types";

export const agentcoreLifecycle: Rule = {
  id: "ACR-003",
  severity: "error",
  title: "AgentCore session timeouts are both set (idle ≤ max lifetime) or both unset",
  rationale:
    "Setting only one of the two drifts on every plan (PITFALLS P5, terraform-provider-aws " +
    "#45290); an idle timeout above the lifetime is meaningless.",
  fix: "Set idle_runtime_session_timeout and max_lifetime together, idle not above max.",
  controls: [PCI.changeControl],
  check: (stacks) =>
    resourcesOfType(stacks, "aws_bedrockagentcore_agent_runtime").flatMap(
      (runtime): RuleFinding[] => {
        if (runtime.block.lifecycle_configuration === undefined) return [];
        const lifecycle = first(runtime.block, "lifecycle_configuration");
        const idle = lifecycle.idle_runtime_session_timeout;
        const max = lifecycle.max_lifetime;
        if ((idle === undefined) !== (max === undefined)) {
          return [{ address: runtime.address, message: "sets only one of the two timeouts" }];
        }
        // Tokens are known only at apply; the provider validates them then.
        if (idle === undefined || isToken(idle) || isToken(max)) return [];
        return Number(idle) <= Number(max)
          ? []
          : [
              {
                address: runtime.address,
                message: `idle ${String(idle)} s > max ${String(max)} s`,
              },
            ];
      },
    ),
};
