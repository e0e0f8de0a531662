import { HIPAA } from "../controls";
import { resolve, resourcesOfType, strings, subnetZone } from "../terraform";
import type { Rule, RuleFinding } from "../types";

export const dbSubnetGroupAzs: Rule = {
  id: "RDS-007",
  severity: "error",
  title: "DB subnet groups span at least two availability zones",
  rationale:
    "RDS rejects a subnet group that covers one AZ (PITFALLS P8, terraform-provider-aws #17373), " +
    "and a second AZ is where a failover replica goes.",
  fix: "List subnets from at least two AZs in subnet_ids, each pinned by availability_zone_id.",
  controls: [HIPAA.backup],
  check: (stacks) =>
    resourcesOfType(stacks, "aws_db_subnet_group").flatMap((group): RuleFinding[] => {
      const subnets = strings(group.block.subnet_ids).map((id) => ({
        id,
        subnet: resolve(stacks, group.stack, id),
      }));
      const warn = (message: string): RuleFinding[] => [
        { address: group.address, severity: "warning", message },
      ];
      const unresolved = subnets.filter(({ subnet }) => subnet?.type !== "aws_subnet");
      if (unresolved.length > 0) {
        // A literal subnet id or a list token cannot be traced to an AZ from the JSON; say so
        // rather than pass silently.
        return warn(`cannot trace ${unresolved.map(({ id }) => id).join(", ")} to a subnet's AZ`);
      }
      const zones = subnets.map(({ subnet }) => subnetZone(subnet!.block));
      const unplaced = subnets.filter((_, index) => zones[index] === undefined);
      if (unplaced.length > 0) {
        return warn(
          `${unplaced.map(({ subnet }) => subnet!.address).join(", ")} has no literal AZ to compare`,
        );
      }
      if (new Set(zones.map((zone) => zone!.kind)).size > 1) {
        // us-west-2a and usw2-az1 may be the same zone or not, depending on the account.
        return warn("subnets mix AZ IDs and AZ names, which cannot be compared before apply");
      }
      const distinct = new Set(zones.map((zone) => zone!.value));
      return distinct.size >= 2
        ? []
        : [{ address: group.address, message: `subnets cover ${distinct.size} AZ(s)` }];
    }),
};
