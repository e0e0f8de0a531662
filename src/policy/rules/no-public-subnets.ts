import { PCI } from "../controls";
import { flagResources } from "../terraform";
import type { Rule } from "../types";

export const noPublicSubnets: Rule = {
  id: "NET-010",
  severity: "error",
  title: "Subnets never assign public IP addresses",
  rationale:
    "A public address on launch is harmless only while no internet gateway exists; the rule " +
    "keeps the second half of that promise independent of the first.",
  fix: "Set map_public_ip_on_launch to false (and assign no IPv6 addresses on creation).",
  controls: [PCI.untrusted, PCI.secureConfig],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_subnet",
      (subnet) =>
        subnet.block.map_public_ip_on_launch === true ||
        subnet.block.assign_ipv6_address_on_creation === true,
      "assigns public addresses",
    ),
};
