import { PCI } from "../controls";
import { bucketsWith } from "../buckets";
import type { Rule } from "../types";

const FLAGS = [
  "block_public_acls",
  "block_public_policy",
  "ignore_public_acls",
  "restrict_public_buckets",
];

export const s3PublicAccessBlock: Rule = {
  id: "S3-004",
  severity: "error",
  title: "S3 buckets block every kind of public access",
  rationale: "One public ACL or policy would publish the state of the whole platform.",
  fix: "Add aws_s3_bucket_public_access_block with all four flags true.",
  controls: [PCI.inbound, PCI.untrusted],
  check: (stacks) =>
    bucketsWith(stacks, "aws_s3_bucket_public_access_block")
      .filter(
        ({ companions }) =>
          !companions.some((block) => FLAGS.every((flag) => block.block[flag] === true)),
      )
      .map(({ bucket }) => ({
        address: bucket.address,
        message: "public access is not fully blocked",
      })),
};
