import { PCI } from "../controls";
import { blocks, type Located, refersTo, resolve, resourcesOfType } from "../terraform";
import type { Rule, RuleFinding, Stacks } from "../types";

/** An instance's engine/version equals the cluster's: literally, or by referring to it. */
function matches(stacks: Stacks, instance: Located, cluster: Located, key: string): boolean {
  const value = instance.block[key];
  if (value === undefined) return key === "engine_version";
  return value === cluster.block[key] || refersTo(stacks, instance.stack, value, cluster);
}

export const auroraServerlessV2: Rule = {
  id: "RDS-005",
  severity: "error",
  title: "Aurora uses the Serverless v2 shape",
  rationale:
    "v1 style (engine_mode serverless, scaling_configuration) fails for current engines " +
    "(PITFALLS P6, terraform-provider-aws #23762), and v2 capacity comes only from instances " +
    "of class db.serverless with the cluster's engine and version.",
  fix:
    "Use engine_mode provisioned, a serverlessv2_scaling_configuration block, and " +
    "aws_rds_cluster_instance resources of class db.serverless with the cluster's engine.",
  controls: [PCI.secureConfig],
  check: (stacks) => {
    const findings: RuleFinding[] = [];
    for (const cluster of resourcesOfType(stacks, "aws_rds_cluster")) {
      const mode = cluster.block.engine_mode ?? "provisioned";
      if (mode !== "provisioned") {
        findings.push({ address: cluster.address, message: `engine_mode is ${String(mode)}` });
      }
      if (blocks(cluster.block.scaling_configuration).length > 0) {
        findings.push({ address: cluster.address, message: "has a v1 scaling_configuration" });
      }
      if (blocks(cluster.block.serverlessv2_scaling_configuration).length === 0) {
        findings.push({ address: cluster.address, message: "has no v2 scaling block" });
      }
    }
    for (const instance of resourcesOfType(stacks, "aws_rds_cluster_instance")) {
      if (instance.block.instance_class !== "db.serverless") {
        findings.push({
          address: instance.address,
          message: `instance_class is ${String(instance.block.instance_class)}, not db.serverless`,
        });
      }
      const cluster = resolve(stacks, instance.stack, instance.block.cluster_identifier);
      if (cluster?.type !== "aws_rds_cluster") continue;
      for (const key of ["engine", "engine_version"]) {
        if (!matches(stacks, instance, cluster, key)) {
          findings.push({
            address: instance.address,
            message: `${key} differs from its cluster ${cluster.address}`,
          });
        }
      }
    }
    return findings;
  },
};
