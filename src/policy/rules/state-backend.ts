import { HIPAA, PCI } from "../controls";
import { isBlock } from "../terraform";
import type { Rule, RuleFinding } from "../types";

export const stateBackend: Rule = {
  id: "TF-001",
  severity: "error",
  title: "S3 state backends encrypt, lock with a lock file and use no DynamoDB table",
  rationale:
    "cdktf 0.21's S3Backend has no lock-file option, so the override must be checked where it " +
    "lands (PITFALLS P12, cdk-terrain #233); the DynamoDB lock is deprecated.",
  fix: "Keep TierStack's backend: encrypt = true, use_lockfile = true (override), no dynamodb_table.",
  controls: [HIPAA.integrity, PCI.changeControl],
  check: (stacks) =>
    Object.entries(stacks).flatMap(([stack, json]): RuleFinding[] => {
      const backend = (json.terraform?.backend as Record<string, unknown> | undefined)?.s3;
      if (!isBlock(backend)) return [];
      const problems = [
        backend.use_lockfile !== true && "use_lockfile is not true",
        backend.encrypt !== true && "encrypt is not true",
        backend.dynamodb_table !== undefined && "uses a dynamodb_table lock",
      ].filter((problem): problem is string => typeof problem === "string");
      return problems.map((message) => ({ address: `${stack}/terraform.backend.s3`, message }));
    }),
};
