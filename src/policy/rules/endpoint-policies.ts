import { HIPAA, PCI } from "../controls";
import { flagResources, policyDocumentOf } from "../terraform";
import type { Rule } from "../types";

export const endpointPolicies: Rule = {
  id: "NET-011",
  severity: "error",
  title: "Every VPC endpoint has a policy built from a policy document",
  rationale:
    "Without a policy an endpoint admits any principal to any resource of the service, " +
    "including other accounts' buckets and tables: a data-exfiltration path.",
  fix: "Give the endpoint a `policy` from src/shared/policy-document.ts naming its actions.",
  controls: [PCI.outbound, HIPAA.accessControl],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_vpc_endpoint",
      (endpoint) => !policyDocumentOf(stacks, endpoint.stack, endpoint.block.policy),
      "has no policy from an aws_iam_policy_document",
    ),
};
