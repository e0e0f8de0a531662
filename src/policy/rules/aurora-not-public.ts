import { HIPAA, PCI } from "../controls";
import { resourcesOfType } from "../terraform";
import type { Rule } from "../types";

export const auroraNotPublic: Rule = {
  id: "RDS-003",
  severity: "error",
  title: "No database instance is publicly accessible",
  rationale:
    "A public instance gets a public DNS name and address; with any later route to the " +
    "internet it would be directly exposed.",
  fix: "Set publicly_accessible = false (or leave it unset) on every instance.",
  controls: [PCI.inbound, PCI.untrusted, HIPAA.accessControl],
  check: (stacks) =>
    ["aws_rds_cluster_instance", "aws_db_instance"].flatMap((type) =>
      resourcesOfType(stacks, type)
        .filter((instance) => instance.block.publicly_accessible === true)
        .map((instance) => ({ address: instance.address, message: "publicly_accessible is true" })),
    ),
};
