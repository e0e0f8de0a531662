import { PCI } from "../controls";
import { flagResources } from "../terraform";
import type { Rule } from "../types";

export const kmsRotation: Rule = {
  id: "KMS-001",
  severity: "error",
  title: "Customer-managed KMS keys rotate automatically",
  rationale: "PCI DSS requires keys to change at the end of a defined cryptoperiod.",
  fix: "Create keys with src/shared/kms-key.ts (enable_key_rotation = true, yearly).",
  controls: [PCI.cryptoperiod, PCI.keyManagement],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_kms_key",
      (key) => key.block.enable_key_rotation !== true,
      "enable_key_rotation is not true",
    ),
};
