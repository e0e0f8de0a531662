import { PCI } from "../controls";
import { isBlock } from "../terraform";
import type { Rule, RuleFinding } from "../types";

export const distinctStateKeys: Rule = {
  id: "TF-002",
  severity: "error",
  title: "Each stack keeps its state under its own key",
  rationale: "Two stacks on one state key overwrite each other's state on every apply.",
  fix: "Keep the `<keyPrefix>/<environment>/<tier>.tfstate` keys TierStack builds.",
  controls: [PCI.changeControl],
  check: (stacks) => {
    const owners = new Map<string, string>();
    const findings: RuleFinding[] = [];
    for (const [stack, json] of Object.entries(stacks)) {
      const backend = (json.terraform?.backend as Record<string, unknown> | undefined)?.s3;
      if (!isBlock(backend)) continue;
      const key = `${String(backend.bucket)}/${String(backend.key)}`;
      const owner = owners.get(key);
      if (owner !== undefined) {
        findings.push({
          address: `${stack}/terraform.backend.s3`,
          message: `state key ${key} is also used by ${owner}`,
        });
      }
      owners.set(key, stack);
    }
    return findings;
  },
};
