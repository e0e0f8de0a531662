import { HIPAA } from "../controls";
import { resolve, resourcesOfType, strings } from "../terraform";
import type { Rule, RuleFinding } from "../types";

export const dbSubnetGroupAzs: Rule = {
  id: "RDS-007",
  severity: "error",
  title: "DB subnet groups span at least two availability zones",
  rationale:
    "RDS rejects a subnet group that covers one AZ (PITFALLS P8, terraform-provider-aws #17373), " +
    "and a second AZ is where a failover replica goes.",
  fix: "List subnets from at least two AZs in subnet_ids.",
  controls: [HIPAA.backup],
  check: (stacks) =>
    resourcesOfType(stacks, "aws_db_subnet_group").flatMap((group): RuleFinding[] => {
      const subnets = strings(group.block.subnet_ids).map((id) => ({
        id,
        subnet: resolve(stacks, group.stack, id),
      }));
      const unresolved = subnets.filter(({ subnet }) => subnet?.type !== "aws_subnet");
      if (unresolved.length > 0) {
        // A literal subnet id or a list token cannot be traced to an AZ from the JSON; say so
        // rather than pass silently.
        return [
          {
            address: group.address,
            severity: "warning",
            message: `cannot trace ${unresolved.map(({ id }) => id).join(", ")} to a subnet's AZ`,
          },
        ];
      }
      const zones = new Set(subnets.map(({ subnet }) => subnet?.block.availability_zone));
      return zones.size >= 2
        ? []
        : [{ address: group.address, message: `subnets cover ${zones.size} AZ(s)` }];
    }),
};
