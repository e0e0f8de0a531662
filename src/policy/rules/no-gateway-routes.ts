import { HIPAA, PCI } from "../controls";
import { type Block, blocks, flagResources, resourcesOfType } from "../terraform";
import type { Rule } from "../types";

/** Route targets that lead out of the VPC. Gateway endpoints add their own routes (allowed). */
const FOREIGN_TARGETS = [
  "gateway_id",
  "nat_gateway_id",
  "egress_only_gateway_id",
  "transit_gateway_id",
  "vpc_peering_connection_id",
  "carrier_gateway_id",
  "local_gateway_id",
  "core_network_arn",
  "network_interface_id",
] as const;

function targetsOf(route: Block): string[] {
  return FOREIGN_TARGETS.filter((key) => route[key] !== undefined && route[key] !== "");
}

export const noGatewayRoutes: Rule = {
  id: "NET-003",
  severity: "error",
  title: "No route to a gateway, peering, transit gateway or appliance",
  rationale:
    "A route is what makes a gateway usable; one in the JSON means traffic is meant to leave. " +
    "The only routes here are the implicit local route and those gateway endpoints add.",
  fix: "Remove the route (aws_route or an inline route block).",
  controls: [PCI.outbound, PCI.untrusted, HIPAA.transmission],
  check: (stacks) => [
    ...flagResources(
      stacks,
      "aws_route",
      (route) => targetsOf(route.block).length > 0,
      (route) => `route targets ${targetsOf(route.block).join(", ")}`,
    ),
    ...resourcesOfType(stacks, "aws_route_table").flatMap((table) =>
      blocks(table.block.route)
        .filter((route) => targetsOf(route).length > 0)
        .map((route) => ({
          address: table.address,
          message: `inline route targets ${targetsOf(route).join(", ")}`,
        })),
    ),
  ],
};
