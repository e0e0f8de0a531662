import { PORTS } from "../../shared/ports";
import { PCI } from "../controls";
import { securityGroupRules } from "../security-group-rules";
import type { Rule } from "../types";

const DECLARED = new Set<number>(Object.values(PORTS));

export const declaredPortsOnly: Rule = {
  id: "NET-005",
  severity: "error",
  title: "Security-group rules open single TCP ports named in src/shared/ports.ts",
  rationale:
    "Ports are declared once as named constants; a rule on another port, a range or all " +
    "protocols is a flow nobody reviewed.",
  fix: "Add the port to src/shared/ports.ts with a reason, or correct the rule's port.",
  controls: [PCI.nscConfig, PCI.inbound, PCI.outbound],
  check: (stacks) =>
    securityGroupRules(stacks)
      .filter(
        (rule) =>
          rule.protocol !== "tcp" ||
          rule.fromPort !== rule.toPort ||
          !DECLARED.has(Number(rule.fromPort)),
      )
      .map((rule) => ({
        address: rule.address,
        message: `${rule.direction} ${rule.protocol} ${rule.fromPort}-${rule.toPort} is not a declared port (${[...DECLARED].join(", ")})`,
      })),
};
