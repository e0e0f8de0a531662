import { checkPolicy } from "../../../policy/engine";
import { proveReachability, renderReachabilityMarkdown } from "../../../policy/reachability";
import { renderPolicyMarkdown, renderRulesMarkdown } from "../../../policy/report";
import type { ReportSection } from "../section";

/**
 * What each workload can reach, computed from the JSON alone, and the three verdicts of the
 * proof. The same computation fails synth when a verdict does not hold.
 */
export const reachabilitySection: ReportSection = {
  id: "reachability",
  title: "Reachability proof",
  render: ({ stacks, config }) => ({
    markdown: renderReachabilityMarkdown(proveReachability(stacks.stacks, config)),
  }),
};

/**
 * The policy pack's standing findings and the suppressions config accepts, each with its
 * reason, then the catalogue of rules that ran.
 */
export const policySection: ReportSection = {
  id: "policy",
  title: "Policy checks and suppressions",
  render: ({ stacks, config }) => ({
    markdown: [
      renderPolicyMarkdown(checkPolicy(stacks.stacks, config)),
      "**Rules run:**",
      "",
      renderRulesMarkdown(),
    ].join("\n"),
  }),
};
