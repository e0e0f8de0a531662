import { refersTo, resourcesOfType, type Located } from "./terraform";
import type { Stacks } from "./types";

/**
 * For each aws_s3_bucket, the companion resources of `type` (versioning, encryption, policy,
 * public-access block) whose `bucket` refers to it. Used by the S3 rules.
 */
export function bucketsWith(
  stacks: Stacks,
  type: string,
): { bucket: Located; companions: Located[] }[] {
  const companions = resourcesOfType(stacks, type);
  return resourcesOfType(stacks, "aws_s3_bucket").map((bucket) => ({
    bucket,
    companions: companions.filter((companion) =>
      refersTo(stacks, companion.stack, companion.block.bucket, bucket),
    ),
  }));
}
