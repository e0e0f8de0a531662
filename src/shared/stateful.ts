/**
 * Terraform resource types that hold data, or whose loss makes data unreadable. Destroying or
 * replacing one of these loses something a later apply cannot bring back, so every resource of
 * these types carries `prevent_destroy` (config `protectStatefulResources`) and its address is
 * pinned by the stateful-address guard (`__tests__/stacks/stateful-addresses.json`).
 *
 * One list, as data, so the guard test and the policy packs read the same facts. Add a type
 * here before the first resource of it is synthesized; the guard then asks for its address.
 */
export const STATEFUL_TYPES: Readonly<Record<string, string>> = {
  aws_kms_key: "a deleted key makes everything encrypted under it unreadable, for good",
  aws_cloudwatch_log_group: "audit and flow logs; replacing the group drops its history",
  aws_rds_cluster: "the Aurora database; storage and automated backups live with the cluster",
  aws_db_instance: "a single-instance RDS database holds its own storage",
  aws_dynamodb_table: "table items; PITR backups are deleted with the table",
  aws_secretsmanager_secret: "credentials that other systems were issued",
  aws_s3_bucket: "objects, including Terraform state",
  aws_ecr_repository: "container images the runtimes start from",
  aws_cognito_user_pool: "users and their credentials; a new pool cannot import passwords",
  aws_efs_file_system: "files",
  aws_backup_vault: "recovery points",
};

// Deliberately absent: aws_rds_cluster_instance. A db.serverless instance holds no data (Aurora
// storage belongs to the cluster), so replacing one is a short failover, not a loss.

/** True when resources of `type` hold data that a destroy would lose. */
export function isStateful(type: string): boolean {
  return Object.hasOwn(STATEFUL_TYPES, type);
}
