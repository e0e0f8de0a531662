import { HIPAA, PCI } from "../controls";
import { policyDocuments, resourcesOfType, statementsOf, strings } from "../terraform";
import type { Rule, RuleFinding } from "../types";

/** AWS managed policies that amount to administration of the account or of IAM. */
const ADMIN_POLICY = /:policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess)$/;

const ATTACHMENTS: Record<string, string> = {
  aws_iam_role_policy_attachment: "policy_arn",
  aws_iam_policy_attachment: "policy_arn",
  aws_iam_user_policy_attachment: "policy_arn",
  aws_iam_group_policy_attachment: "policy_arn",
  aws_iam_role_policy_attachments_exclusive: "policy_arns",
  aws_iam_role: "managed_policy_arns",
};

export const noAdmin: Rule = {
  id: "IAM-003",
  severity: "error",
  title: "No administrator policy and no iam:PassRole on every role",
  rationale:
    "An agent's role with admin rights, or the right to pass any role to a service, turns one " +
    "prompt injection into control of the account.",
  fix: "Attach only this project's narrow policies; pass only named role ARNs.",
  controls: [PCI.leastPrivilege, HIPAA.accessManagement],
  check: (stacks) => {
    const attached: RuleFinding[] = Object.entries(ATTACHMENTS).flatMap(([type, key]) =>
      resourcesOfType(stacks, type).flatMap((resource) =>
        strings(resource.block[key])
          .filter((arn) => ADMIN_POLICY.test(arn))
          .map((arn) => ({ address: resource.address, message: `attaches ${arn}` })),
      ),
    );
    const passAny: RuleFinding[] = policyDocuments(stacks).flatMap((document) =>
      statementsOf(document.block)
        .filter(
          (statement) =>
            (statement.effect ?? "Allow") === "Allow" &&
            (statement.actions ?? []).includes("iam:PassRole") &&
            (statement.resources ?? []).some((resource) => resource.endsWith("*")),
        )
        .map((statement) => ({
          address: document.address,
          message: `statement ${statement.sid ?? "?"} passes any role`,
        })),
    );
    return [...attached, ...passAny];
  },
};
