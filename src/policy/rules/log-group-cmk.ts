import { HIPAA, PCI } from "../controls";
import { flagResources } from "../terraform";
import type { Rule } from "../types";

export const logGroupCmk: Rule = {
  id: "ENC-001",
  severity: "error",
  title: "Log groups are encrypted with a customer-managed KMS key",
  rationale:
    "Logs of an agent that answers customers contain customer data; a key we own lets us audit " +
    "and revoke every read, which the AWS-owned default key does not.",
  fix: "Set kms_key_id to a key from src/shared/kms-key.ts whose policy admits logs.<region>.",
  controls: [HIPAA.encryption, PCI.logProtection, PCI.storedData],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_cloudwatch_log_group",
      (group) => !group.block.kms_key_id,
      "has no kms_key_id",
    ),
};
