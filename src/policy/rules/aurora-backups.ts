import { HIPAA } from "../controls";
import { flagResources } from "../terraform";
import type { Rule } from "../types";

/** A week of automated backups: long enough to notice a weekend's corruption. */
export const MIN_BACKUP_RETENTION_DAYS = 7;

export const auroraBackups: Rule = {
  id: "RDS-002",
  severity: "error",
  title: `Aurora keeps automated backups for at least ${MIN_BACKUP_RETENTION_DAYS} days`,
  rationale:
    "Aurora's default of one day leaves no room to notice corruption before the last good " +
    "backup expires.",
  fix: `Set backup_retention_period to ${MIN_BACKUP_RETENTION_DAYS} or more.`,
  controls: [HIPAA.backup],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_rds_cluster",
      (cluster) => !(Number(cluster.block.backup_retention_period) >= MIN_BACKUP_RETENTION_DAYS),
      (cluster) =>
        `backup_retention_period is ${String(cluster.block.backup_retention_period ?? "unset (1 day)")}`,
    ),
};
