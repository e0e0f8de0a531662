import { HIPAA, PCI } from "../controls";
import { first, flagResources } from "../terraform";
import type { Rule } from "../types";

export const ecrCmk: Rule = {
  id: "ENC-005",
  severity: "error",
  title: "ECR repositories encrypt images with a customer-managed KMS key",
  rationale:
    "Agent images embed prompts and tool code; the repository's encryption can only be chosen " +
    "at creation.",
  fix: 'Add encryption_configuration { encryption_type = "KMS", kms_key = <key arn> }.',
  controls: [HIPAA.encryption, PCI.keyManagement],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_ecr_repository",
      (repository) => {
        const encryption = first(repository.block, "encryption_configuration");
        return encryption.encryption_type !== "KMS" || !encryption.kms_key;
      },
      "encryption_configuration is not KMS with a kms_key",
    ),
};
