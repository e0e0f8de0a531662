import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { policyDocument, type PolicyCondition, type PolicyStatement } from "./policy-document";

export interface ServiceRoleProps {
  /** IAM role name, e.g. `cs-agent-dev-agent-runtime`. */
  readonly name: string;
  /** What the role is for; shown in the console. */
  readonly description: string;
  /** The service principal that assumes the role, e.g. `lambda.amazonaws.com`. */
  readonly service: string;
  /**
   * Conditions on the trust statement (confused-deputy protection: source account and ARN).
   * Default: none, for services that do not send them (Lambda execution roles).
   */
  readonly trustConditions?: readonly PolicyCondition[];
  /** The role's permissions, one inline policy. Explicit actions only; the tests check names. */
  readonly statements: readonly PolicyStatement[];
}

/**
 * An IAM role one AWS service assumes, with one inline policy. The policy is a separate
 * `aws_iam_role_policy`, so a resource that needs the role's ARN (a runtime, a function) can be
 * created before a policy that names that resource, without a cycle.
 */
export class ServiceRole extends Construct {
  readonly role: IamRole;
  readonly policy: IamRolePolicy;
  readonly arn: string;

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, "role", {
      name: props.name,
      description: props.description,
      assumeRolePolicy: policyDocument(this, "trust", [
        {
          sid: "AssumedByTheServiceOnly",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: [props.service] }],
          conditions: props.trustConditions,
        },
      ]),
    });
    this.arn = this.role.arn;
    this.policy = new IamRolePolicy(this, "permissions", {
      name: "least-privilege",
      role: this.role.id,
      policy: policyDocument(this, "permissions-document", props.statements),
    });
  }
}
