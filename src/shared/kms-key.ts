import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import type { AccountContext } from "./account";
import { policyDocument, type PolicyStatement } from "./policy-document";

/**
 * What the account's own IAM principals may do with a key. Spelled out instead of `kms:*`, so
 * the no-wildcard rule holds without an exception; the account root in the principal means
 * "IAM policies in this account decide", which is how roles get Decrypt etc.
 */
const ACCOUNT_KEY_ACTIONS = [
  "kms:CancelKeyDeletion",
  "kms:CreateAlias",
  "kms:CreateGrant",
  "kms:Decrypt",
  "kms:DeleteAlias",
  "kms:DescribeKey",
  "kms:DisableKey",
  "kms:DisableKeyRotation",
  "kms:EnableKey",
  "kms:EnableKeyRotation",
  "kms:Encrypt",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:GetKeyPolicy",
  "kms:GetKeyRotationStatus",
  "kms:ListGrants",
  "kms:ListKeyRotations",
  "kms:ListResourceTags",
  "kms:PutKeyPolicy",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
  "kms:RetireGrant",
  "kms:RevokeGrant",
  "kms:RotateKeyOnDemand",
  "kms:ScheduleKeyDeletion",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:UpdateAlias",
  "kms:UpdateKeyDescription",
] as const;

/**
 * The key-policy statement that lets CloudWatch Logs use a key for the named log groups only.
 * CloudWatch Logs calls KMS with its own regional service principal, not the writer's role, and
 * puts the group's ARN in the encryption context; the condition pins the key to those groups.
 */
export function cloudWatchLogsStatement(
  sid: string,
  region: string,
  logGroupArns: readonly string[],
): PolicyStatement {
  return {
    sid,
    principals: [{ type: "Service", identifiers: [`logs.${region}.amazonaws.com`] }],
    actions: [
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:Encrypt",
      "kms:GenerateDataKey",
      "kms:ReEncryptFrom",
      "kms:ReEncryptTo",
    ],
    resources: ["*"],
    conditions: [
      {
        // Exact ARNs compare exactly; only patterns need ArnLike.
        test: logGroupArns.some((arn) => arn.includes("*")) ? "ArnLike" : "ArnEquals",
        variable: "kms:EncryptionContext:aws:logs:arn",
        values: logGroupArns,
      },
    ],
  };
}

export interface CustomerManagedKeyProps {
  /** Shown in the console; say what the key protects. */
  readonly description: string;
  /** Alias without the `alias/` prefix, e.g. `cs-agent-dev-logs`. */
  readonly alias: string;
  readonly account: AccountContext;
  /**
   * Extra key-policy statements for AWS services that use the key with their own principal
   * (CloudWatch Logs, for example). Services that act through the caller's IAM role (RDS,
   * DynamoDB, Secrets Manager) need none: the account statement covers them.
   */
  readonly serviceStatements?: readonly PolicyStatement[];
  /** Refuse `terraform destroy` of the key. Default: true. */
  readonly preventDestroy?: boolean;
}

/**
 * A symmetric customer-managed KMS key with yearly automatic rotation, a 30-day deletion
 * window, an alias, and a key policy without wildcard actions.
 *
 * In a key policy `Resource: "*"` means "this key" (a key policy cannot name another key), so it
 * is the one place `*` resources are expected; the policy packs know that.
 */
export class CustomerManagedKey extends Construct {
  readonly key: KmsKey;
  readonly arn: string;

  constructor(scope: Construct, id: string, props: CustomerManagedKeyProps) {
    super(scope, id);
    const { account } = props;

    const policy = policyDocument(this, "policy", [
      {
        sid: "AccountPrincipalsThroughIam",
        actions: ACCOUNT_KEY_ACTIONS,
        resources: ["*"],
        principals: [
          { type: "AWS", identifiers: [`arn:${account.partition}:iam::${account.accountId}:root`] },
        ],
      },
      ...(props.serviceStatements ?? []),
    ]);

    this.key = new KmsKey(this, "key", {
      description: props.description,
      enableKeyRotation: true,
      rotationPeriodInDays: 365,
      deletionWindowInDays: 30,
      keyUsage: "ENCRYPT_DECRYPT",
      customerMasterKeySpec: "SYMMETRIC_DEFAULT",
      policy,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    this.arn = this.key.arn;

    new KmsAlias(this, "alias", { name: `alias/${props.alias}`, targetKeyId: this.key.keyId });
  }
}
