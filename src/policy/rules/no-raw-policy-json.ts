import { PCI } from "../controls";
import { allResources } from "../terraform";
import type { Rule } from "../types";

/** Attributes that hold an IAM-style policy document. */
const POLICY_KEYS = ["policy", "assume_role_policy", "access_policies", "resource_policy"];

export const noRawPolicyJson: Rule = {
  id: "IAM-005",
  severity: "error",
  title: "Policies come from aws_iam_policy_document, not JSON strings with references",
  rationale:
    "A list token interpolated into a JSON string breaks synth or the policy (PITFALLS P11, " +
    "terraform-cdk #3832), and a string hides its statements from these rules.",
  fix: "Build the policy with src/shared/policy-document.ts.",
  controls: [PCI.leastPrivilege, PCI.changeControl],
  check: (stacks) =>
    allResources(stacks).flatMap((resource) =>
      POLICY_KEYS.filter((key) => {
        const value = resource.block[key];
        return (
          typeof value === "string" && value.trimStart().startsWith("{") && value.includes("${")
        );
      }).map((key) => ({
        address: resource.address,
        message: `\`${key}\` is a JSON string with interpolated references`,
      })),
    ),
};
