import { HIPAA } from "../controls";
import { bucketsWith } from "../buckets";
import { first } from "../terraform";
import type { Rule } from "../types";

export const s3Versioning: Rule = {
  id: "S3-001",
  severity: "error",
  title: "S3 buckets (the state bucket) are versioned",
  rationale:
    "Terraform state is the map of every resource; versioning is how a corrupted or deleted " +
    "state file is brought back.",
  fix: 'Add aws_s3_bucket_versioning with versioning_configuration { status = "Enabled" }.',
  controls: [HIPAA.backup, HIPAA.integrity],
  check: (stacks) =>
    bucketsWith(stacks, "aws_s3_bucket_versioning")
      .filter(
        ({ companions }) =>
          !companions.some((v) => first(v.block, "versioning_configuration").status === "Enabled"),
      )
      .map(({ bucket }) => ({ address: bucket.address, message: "versioning is not Enabled" })),
};
