import { HIPAA, PCI } from "../controls";
import { proveReachability } from "../reachability";
import type { Rule } from "../types";

export const reachNoInbound: Rule = {
  id: "REACH-003",
  severity: "error",
  title: "Nothing reaches the runtimes, the gateway Lambdas or Aurora inbound",
  rationale:
    "AgentCore and Lambda reach their ENIs through their own control planes and the database " +
    "through the Data API; any ingress rule is an unused door.",
  fix: "Remove the ingress rule.",
  controls: [PCI.inbound, HIPAA.accessControl],
  check: (stacks, context) => proveReachability(stacks, context.config).inbound,
};
