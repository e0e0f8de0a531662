import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import type { Construct } from "constructs";

/** One IAM condition: `test` is the operator (StringEquals, ArnLike, ...). */
export interface PolicyCondition {
  readonly test: string;
  readonly variable: string;
  readonly values: readonly string[];
}

/** One principal block: `type` is AWS, Service or `*`. */
export interface PolicyPrincipal {
  readonly type: "AWS" | "Service" | "*" | "Federated";
  readonly identifiers: readonly string[];
}

/**
 * A policy statement as data. Every statement names its purpose in `sid`, lists actions
 * explicitly (the policy packs reject wildcards) and its resources.
 */
export interface PolicyStatement {
  readonly sid: string;
  readonly effect?: "Allow" | "Deny";
  readonly actions: readonly string[];
  readonly resources?: readonly string[];
  readonly principals?: readonly PolicyPrincipal[];
  readonly conditions?: readonly PolicyCondition[];
}

/**
 * Builds a policy through the `aws_iam_policy_document` data source rather than a JSON string,
 * so Terraform references inside ARNs stay references (a list token interpolated into a JSON
 * string breaks synth: terraform-cdk #3832) and the statements stay inspectable in the
 * synthesized JSON. The data source is evaluated by the provider locally, with no API call.
 *
 * Returns the rendered policy JSON (a token).
 */
export function policyDocument(
  scope: Construct,
  id: string,
  statements: readonly PolicyStatement[],
): string {
  const document = new DataAwsIamPolicyDocument(scope, id, {
    statement: statements.map((statement) => ({
      sid: statement.sid,
      effect: statement.effect ?? "Allow",
      actions: [...statement.actions],
      resources: statement.resources ? [...statement.resources] : undefined,
      principals: statement.principals?.map((principal) => ({
        type: principal.type,
        identifiers: [...principal.identifiers],
      })),
      condition: statement.conditions?.map((condition) => ({
        test: condition.test,
        variable: condition.variable,
        values: [...condition.values],
      })),
    })),
  });
  return document.json;
}
