import { HIPAA } from "../controls";
import { resourcesOfType } from "../terraform";
import type { Rule } from "../types";

export const auroraDeletionProtection: Rule = {
  id: "RDS-001",
  severity: "error",
  title: "Aurora clusters have deletion protection",
  rationale: "The database holds the only copy of orders; deleting it must take two decisions.",
  fix: "Set deletion_protection = true.",
  controls: [HIPAA.backup, HIPAA.integrity],
  check: (stacks) =>
    resourcesOfType(stacks, "aws_rds_cluster")
      .filter((cluster) => cluster.block.deletion_protection !== true)
      .map((cluster) => ({ address: cluster.address, message: "deletion_protection is not true" })),
};
