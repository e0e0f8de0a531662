import { HIPAA, PCI } from "../controls";
import { flagResources, refersTo, resourcesOfType } from "../terraform";
import type { Rule } from "../types";

export const vpcFlowLogs: Rule = {
  id: "NET-009",
  severity: "error",
  title: "Every VPC has a flow log capturing ALL traffic",
  rationale:
    "Flow logs are the only record of who talked to whom inside the VPC; without ALL traffic, " +
    "accepted flows (the interesting ones after an incident) are missing.",
  fix: "Add an aws_flow_log with vpc_id set to the VPC and traffic_type ALL.",
  controls: [HIPAA.audit, HIPAA.activityReview, PCI.auditLogs],
  check: (stacks) => {
    const flowLogs = resourcesOfType(stacks, "aws_flow_log");
    return flagResources(
      stacks,
      "aws_vpc",
      (vpc) =>
        !flowLogs.some(
          (log) =>
            log.block.traffic_type === "ALL" && refersTo(stacks, log.stack, log.block.vpc_id, vpc),
        ),
      "has no flow log of ALL traffic",
    );
  },
};
