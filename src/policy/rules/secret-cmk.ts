import { HIPAA, PCI } from "../controls";
import { flagResources } from "../terraform";
import type { Rule } from "../types";

export const secretCmk: Rule = {
  id: "ENC-004",
  severity: "error",
  title: "Secrets Manager secrets are encrypted with a customer-managed KMS key",
  rationale:
    "The default aws/secretsmanager key cannot be shared narrowly or revoked; OAuth client " +
    "secrets and database credentials deserve a key whose policy we write.",
  fix: "Set kms_key_id on the secret.",
  controls: [HIPAA.encryption, PCI.keyManagement],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_secretsmanager_secret",
      (secret) => !secret.block.kms_key_id,
      "has no kms_key_id",
    ),
};
