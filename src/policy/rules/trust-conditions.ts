import { HIPAA, PCI } from "../controls";
import { policyDocumentOf, resourcesOfType, statementsOf } from "../terraform";
import type { Rule } from "../types";

const CONFUSED_DEPUTY_KEYS = ["aws:sourceaccount", "aws:sourcearn"];

export const trustConditions: Rule = {
  id: "IAM-004",
  severity: "error",
  title: "Service-role trust policies are scoped by aws:SourceAccount or aws:SourceArn",
  rationale:
    "Without a source condition any customer of the service could make it assume our role (the " +
    "confused deputy); PITFALLS P9 and P13 are roles that trusted too much or the wrong service.",
  fix:
    "Add StringEquals aws:SourceAccount = <account> and/or ArnLike aws:SourceArn = <the " +
    "service resources of this account> to the trust statement.",
  controls: [PCI.leastPrivilege, HIPAA.accessControl],
  check: (stacks) =>
    resourcesOfType(stacks, "aws_iam_role").flatMap((role) => {
      const document = policyDocumentOf(stacks, role.stack, role.block.assume_role_policy);
      if (!document) return [];
      return statementsOf(document.block)
        .filter((statement) => (statement.principals ?? []).some((p) => p.type === "Service"))
        .filter(
          (statement) =>
            !(statement.condition ?? []).some((condition) =>
              CONFUSED_DEPUTY_KEYS.includes(condition.variable.toLowerCase()),
            ),
        )
        .map((statement) => ({
          address: role.address,
          message: `trust statement ${statement.sid ?? "?"} has no source account/ARN condition`,
        }));
    }),
};
