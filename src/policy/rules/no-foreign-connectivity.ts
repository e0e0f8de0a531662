import { HIPAA, PCI } from "../controls";
import { resourcesOfType } from "../terraform";
import type { Rule } from "../types";

/** Resource types that join the VPC to another network. */
export const FOREIGN_NETWORK_TYPES = [
  "aws_vpn_gateway",
  "aws_vpn_gateway_attachment",
  "aws_vpn_connection",
  "aws_customer_gateway",
  "aws_vpc_peering_connection",
  "aws_vpc_peering_connection_accepter",
  "aws_ec2_transit_gateway_vpc_attachment",
  "aws_ec2_client_vpn_endpoint",
  "aws_dx_gateway_association",
] as const;

export const noForeignConnectivity: Rule = {
  id: "NET-002",
  severity: "error",
  title: "No VPN, peering, transit-gateway or client-VPN connection",
  rationale:
    "Each of these joins the VPC to a network whose controls this project does not see, so " +
    "isolation could no longer be proven from the JSON.",
  fix: "Remove the connection; if another network must call in, expose a PrivateLink service.",
  controls: [PCI.untrusted, PCI.inbound, HIPAA.accessControl],
  check: (stacks) =>
    FOREIGN_NETWORK_TYPES.flatMap((type) =>
      resourcesOfType(stacks, type).map((resource) => ({
        address: resource.address,
        message: `${type} joins the VPC to another network`,
      })),
    ),
};
