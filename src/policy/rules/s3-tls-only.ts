import { HIPAA, PCI } from "../controls";
import { bucketsWith } from "../buckets";
import { policyDocumentOf, statementsOf } from "../terraform";
import type { Rule } from "../types";

export const s3TlsOnly: Rule = {
  id: "S3-003",
  severity: "error",
  title: "S3 bucket policies deny requests without TLS",
  rationale: "S3 still accepts plain HTTP unless a policy refuses it.",
  fix: "Add a bucket policy statement: Deny all principals when Bool aws:SecureTransport is false.",
  controls: [HIPAA.transmission, PCI.transmission],
  check: (stacks) =>
    bucketsWith(stacks, "aws_s3_bucket_policy")
      .filter(
        ({ companions }) =>
          !companions.some((policy) => {
            const document = policyDocumentOf(stacks, policy.stack, policy.block.policy);
            return (
              document !== undefined &&
              statementsOf(document.block).some(
                (statement) =>
                  statement.effect === "Deny" &&
                  (statement.condition ?? []).some(
                    (condition) =>
                      condition.test === "Bool" &&
                      condition.variable === "aws:SecureTransport" &&
                      condition.values.includes("false"),
                  ),
              )
            );
          }),
      )
      .map(({ bucket }) => ({
        address: bucket.address,
        message: "does not deny non-TLS requests",
      })),
};
