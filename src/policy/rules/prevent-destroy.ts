import { HIPAA } from "../controls";
import { isBlock, resourcesOfType } from "../terraform";
import type { Rule } from "../types";

/** Resource types whose loss loses data or access to data. */
export const STATEFUL_TYPES = [
  "aws_kms_key",
  "aws_cloudwatch_log_group",
  "aws_dynamodb_table",
  "aws_rds_cluster",
  "aws_secretsmanager_secret",
  "aws_s3_bucket",
  "aws_ecr_repository",
  "aws_cognito_user_pool",
] as const;

export const preventDestroy: Rule = {
  id: "TF-003",
  severity: "error",
  title: "Stateful resources carry lifecycle.prevent_destroy",
  rationale:
    "A rename or a replace in a plan otherwise deletes keys, tables, logs or the database " +
    "without a second look.",
  fix: "Pass preventDestroy: config.protectStatefulResources to the construct.",
  controls: [HIPAA.integrity, HIPAA.backup],
  check: (stacks, context) =>
    // An environment that turns protection off (a throw-away one) has decided this already.
    context.config.protectStatefulResources
      ? STATEFUL_TYPES.flatMap((type) =>
          resourcesOfType(stacks, type)
            .filter((resource) => {
              const lifecycle = resource.block.lifecycle;
              return !isBlock(lifecycle) || lifecycle.prevent_destroy !== true;
            })
            .map((resource) => ({
              address: resource.address,
              message: "prevent_destroy is not set",
            })),
        )
      : [],
};
