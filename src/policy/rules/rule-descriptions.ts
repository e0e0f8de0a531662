import { PCI } from "../controls";
import { securityGroupRules } from "../security-group-rules";
import type { Rule } from "../types";

export const ruleDescriptions: Rule = {
  id: "NET-006",
  severity: "error",
  title: "Every security-group rule has a description",
  rationale:
    "PCI DSS asks for a business justification of every allowed flow; the description is where " +
    "a reviewer of the console or a plan finds it.",
  fix: "Give the rule a `description` saying why the flow exists.",
  controls: [PCI.nscConfig],
  check: (stacks) =>
    securityGroupRules(stacks)
      .filter((rule) => typeof rule.description !== "string" || rule.description.trim() === "")
      .map((rule) => ({
        address: rule.address,
        message: `${rule.direction} rule has no description`,
      })),
};
