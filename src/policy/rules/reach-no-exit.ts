import { HIPAA, PCI } from "../controls";
import { proveReachability } from "../reachability";
import type { Rule } from "../types";

export const reachNoExit: Rule = {
  id: "REACH-001",
  severity: "error",
  title: "No path leaves the VPC except through the declared endpoints",
  rationale:
    "The proof follows every rule and route from the JSON; a CIDR outside the VPC, an unknown " +
    "prefix list or a foreign route is a way out that no endpoint policy governs.",
  fix: "Point the rule at the endpoint group or a gateway endpoint's prefix list.",
  controls: [PCI.outbound, PCI.untrusted, HIPAA.transmission],
  check: (stacks, context) => proveReachability(stacks, context.config).leaving,
};
