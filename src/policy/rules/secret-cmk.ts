import { HIPAA, PCI } from "../controls";
import { resourcesOfType } from "../terraform";
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
    resourcesOfType(stacks, "aws_secretsmanager_secret")
      .filter((secret) => !secret.block.kms_key_id)
      .map((secret) => ({ address: secret.address, message: "has no kms_key_id" })),
};
