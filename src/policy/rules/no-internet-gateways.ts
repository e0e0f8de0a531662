import { HIPAA, PCI } from "../controls";
import { resourcesOfType } from "../terraform";
import type { Rule } from "../types";

/** Resource types that give a VPC a path to or from the internet. */
export const INTERNET_PATH_TYPES = [
  "aws_internet_gateway",
  "aws_internet_gateway_attachment",
  "aws_nat_gateway",
  "aws_egress_only_internet_gateway",
  "aws_eip",
  "aws_eip_association",
] as const;

export const noInternetGateways: Rule = {
  id: "NET-001",
  severity: "error",
  title: "No internet, NAT or egress-only gateway and no Elastic IP",
  rationale:
    "The seed promises a network with no internet path at all; one gateway or public address " +
    "turns every other control into the last line of defence.",
  fix: "Remove the resource; reach AWS services through VPC endpoints instead.",
  controls: [PCI.untrusted, PCI.outbound, HIPAA.transmission],
  check: (stacks) =>
    INTERNET_PATH_TYPES.flatMap((type) =>
      resourcesOfType(stacks, type).map((resource) => ({
        address: resource.address,
        message: `${type} opens a path between the VPC and the internet`,
      })),
    ),
};
