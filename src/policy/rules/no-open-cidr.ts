import { HIPAA, PCI } from "../controls";
import { allResources, type Block, blocks, strings } from "../terraform";
import type { Rule } from "../types";

/** Addresses meaning "anywhere". */
export const OPEN_CIDRS = ["0.0.0.0/0", "::/0"];

/** Attributes that carry a CIDR in routes, security-group rules and network ACLs. */
const CIDR_KEYS = [
  "cidr_block",
  "cidr_blocks",
  "ipv6_cidr_block",
  "ipv6_cidr_blocks",
  "cidr_ipv4",
  "cidr_ipv6",
  "destination_cidr_block",
  "destination_ipv6_cidr_block",
];

/** Nested blocks that hold rules or routes inside a resource. */
const NESTED = ["ingress", "egress", "route"];

function openCidrs(block: Block): string[] {
  const own = CIDR_KEYS.flatMap((key) => strings(block[key]));
  const nested = NESTED.flatMap((key) => blocks(block[key])).flatMap((inner) =>
    CIDR_KEYS.flatMap((key) => strings(inner[key])),
  );
  return [...own, ...nested].filter((cidr) => OPEN_CIDRS.includes(cidr));
}

export const noOpenCidr: Rule = {
  id: "NET-004",
  severity: "error",
  title: "No 0.0.0.0/0 or ::/0 in any route, security-group rule or network ACL",
  rationale:
    "An open CIDR is a default route or an allow-anyone rule; in a private network either " +
    "is a mistake waiting for a gateway to make it reachable.",
  fix: "Name the VPC CIDR, a security group or a gateway endpoint's prefix list instead.",
  controls: [PCI.inbound, PCI.outbound, PCI.nscConfig, HIPAA.accessControl],
  check: (stacks) =>
    allResources(stacks).flatMap((resource) =>
      [...new Set(openCidrs(resource.block))].map((cidr) => ({
        address: resource.address,
        message: `allows or routes ${cidr}`,
      })),
    ),
};
