import { HIPAA, PCI } from "../controls";
import { flagResources } from "../terraform";
import type { Rule } from "../types";

export const auroraManagedPassword: Rule = {
  id: "RDS-006",
  severity: "error",
  title: "Aurora's master password is managed by RDS in Secrets Manager",
  rationale:
    "A literal password ends up in state and plans, and cannot be combined with the managed " +
    "secret (PITFALLS P7, terraform-provider-aws #38948); RDS rotates the managed one.",
  fix: "Set manage_master_user_password = true and remove master_password(_wo).",
  controls: [HIPAA.authentication, PCI.authentication],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_rds_cluster",
      (cluster) =>
        cluster.block.manage_master_user_password !== true ||
        cluster.block.master_password !== undefined ||
        cluster.block.master_password_wo !== undefined,
      "uses a literal master password or no managed secret",
    ),
};
