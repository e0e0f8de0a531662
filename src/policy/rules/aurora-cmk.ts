import { HIPAA, PCI } from "../controls";
import { flagResources } from "../terraform";
import type { Rule } from "../types";

export const auroraCmk: Rule = {
  id: "ENC-003",
  severity: "error",
  title: "Aurora clusters store data encrypted with a customer-managed KMS key",
  rationale:
    "Storage encryption cannot be switched on after creation; a cluster created without it " +
    "must be rebuilt from a snapshot.",
  fix: "Set storage_encrypted = true and kms_key_id to the data key.",
  controls: [HIPAA.encryption, PCI.storedData, PCI.keyManagement],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_rds_cluster",
      (cluster) => cluster.block.storage_encrypted !== true || !cluster.block.kms_key_id,
      "needs storage_encrypted = true and a kms_key_id",
    ),
};
