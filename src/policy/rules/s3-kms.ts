import { HIPAA, PCI } from "../controls";
import { bucketsWith } from "../buckets";
import { blocks, first } from "../terraform";
import type { Rule } from "../types";

export const s3Kms: Rule = {
  id: "S3-002",
  severity: "error",
  title: "S3 buckets default to SSE-KMS with a customer-managed key",
  rationale: "State files contain every resource's attributes, some of them secrets.",
  fix:
    "Add aws_s3_bucket_server_side_encryption_configuration with sse_algorithm aws:kms and " +
    "kms_master_key_id.",
  controls: [HIPAA.encryption, PCI.storedData],
  check: (stacks) =>
    bucketsWith(stacks, "aws_s3_bucket_server_side_encryption_configuration")
      .filter(
        ({ companions }) =>
          !companions.some((sse) =>
            blocks(sse.block.rule).some((rule) => {
              const byDefault = first(rule, "apply_server_side_encryption_by_default");
              return (
                String(byDefault.sse_algorithm).startsWith("aws:kms") &&
                Boolean(byDefault.kms_master_key_id)
              );
            }),
          ),
      )
      .map(({ bucket }) => ({ address: bucket.address, message: "no SSE-KMS default with a key" })),
};
