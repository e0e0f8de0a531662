import { agentcoreZoneIds } from "../../config/regions";
import { PCI } from "../controls";
import { first, resolve, resourcesOfType, strings, subnetZone, type Block } from "../terraform";
import type { Rule, RuleFinding } from "../types";

/** What is wrong with where a runtime's subnet is, or undefined when it is in a supported zone. */
function zoneProblem(subnet: Block, region: string): string | undefined {
  const zone = subnetZone(subnet);
  const supported = agentcoreZoneIds(region);
  if (zone === undefined) return "has no literal availability_zone_id";
  if (zone.kind === "name") {
    return `is pinned by AZ name ${zone.value}, which is a different zone in each account`;
  }
  if (supported.includes(zone.value)) return undefined;
  return `is in ${zone.value}; AgentCore supports ${supported.join(", ") || "no zone"} in ${region}`;
}

export const agentcoreSupportedZones: Rule = {
  id: "ACR-007",
  severity: "error",
  title: "AgentCore runtime subnets are pinned by AZ ID to zones AgentCore supports",
  rationale:
    "AgentCore Runtime accepts VPC subnets only in the AZ IDs its developer guide lists per " +
    "region, and creation fails elsewhere. An AZ name is a per-account alias, so a subnet " +
    "pinned by name lands in a supported zone in one account and an unsupported one in another.",
  fix:
    "Set availability_zone_id on the runtime's subnets to one of the region's supported IDs " +
    "(src/config/regions.ts), never availability_zone.",
  controls: [PCI.secureConfig],
  check: (stacks, { config }) =>
    resourcesOfType(stacks, "aws_bedrockagentcore_agent_runtime").flatMap((runtime) => {
      const network = first(runtime.block, "network_configuration");
      return strings(first(network, "network_mode_config").subnets).flatMap((id): RuleFinding[] => {
        const subnet = resolve(stacks, runtime.stack, id);
        if (subnet?.type !== "aws_subnet") {
          const message = `cannot trace ${id} to a subnet's AZ`;
          return [{ address: runtime.address, severity: "warning", message }];
        }
        const problem = zoneProblem(subnet.block, config.region);
        return problem === undefined
          ? []
          : [{ address: runtime.address, message: `subnet ${subnet.address} ${problem}` }];
      });
    }),
};
