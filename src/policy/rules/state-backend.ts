import { HIPAA, PCI } from "../controls";
import { isBlock } from "../terraform";
import type { Rule, RuleFinding } from "../types";

export const stateBackend: Rule = {
  id: "TF-001",
  severity: "error",
  title:
    "S3 state backends keep the bucket's KMS encryption, lock with a lock file and use no DynamoDB table",
  rationale:
    "cdktf 0.21's S3Backend has no lock-file option, so the override must be checked where it " +
    "lands (PITFALLS P12, cdk-terrain #233); the DynamoDB lock is deprecated. `encrypt = true` " +
    "without kms_key_id makes Terraform send an AES256 header, replacing the state bucket's " +
    "customer-managed key with SSE-S3 on every state object.",
  fix:
    "Keep TierStack's backend: use_lockfile = true (override), no dynamodb_table, and either no " +
    "encrypt (the bucket's default SSE-KMS applies) or encrypt with kms_key_id.",
  controls: [HIPAA.integrity, PCI.changeControl],
  check: (stacks) =>
    Object.entries(stacks).flatMap(([stack, json]): RuleFinding[] => {
      const backend = (json.terraform?.backend as Record<string, unknown> | undefined)?.s3;
      if (!isBlock(backend)) return [];
      const problems = [
        backend.use_lockfile !== true && "use_lockfile is not true",
        backend.encrypt === true &&
          backend.kms_key_id === undefined &&
          "encrypt = true without kms_key_id forces SSE-S3 over the bucket's KMS key",
        backend.encrypt === false && "encrypt = false",
        backend.dynamodb_table !== undefined && "uses a dynamodb_table lock",
      ].filter((problem): problem is string => typeof problem === "string");
      return problems.map((message) => ({ address: `${stack}/terraform.backend.s3`, message }));
    }),
};
