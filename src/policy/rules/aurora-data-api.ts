import { HIPAA } from "../controls";
import { flagResources } from "../terraform";
import type { Rule } from "../types";

export const auroraDataApi: Rule = {
  id: "RDS-004",
  severity: "error",
  title: "Aurora clusters enable the Data API, the only path to the database",
  rationale:
    "The Aurora group admits no network traffic; the workloads reach the database only through " +
    "the Data API over the rds-data endpoint, with IAM on every statement.",
  fix: "Set enable_http_endpoint = true.",
  controls: [HIPAA.accessControl, HIPAA.audit],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_rds_cluster",
      (cluster) => cluster.block.enable_http_endpoint !== true,
      "enable_http_endpoint is not true",
    ),
};
