import { HIPAA } from "../controls";
import { flagResources } from "../terraform";
import type { Rule } from "../types";

export const auroraDeletionProtection: Rule = {
  id: "RDS-001",
  severity: "error",
  title: "Aurora clusters have deletion protection",
  rationale: "The database holds the only copy of orders; deleting it must take two decisions.",
  fix: "Set deletion_protection = true.",
  controls: [HIPAA.backup, HIPAA.integrity],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_rds_cluster",
      (cluster) => cluster.block.deletion_protection !== true,
      "deletion_protection is not true",
    ),
};
