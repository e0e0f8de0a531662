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

/**
 * The key-policy statement that lets CloudWatch Logs encrypt one log group with the key. Logs
 * uses its own service principal (not the caller's role), so it needs a statement; the
 * encryption-context condition keeps it to that group. Build `logGroupArn` from the group's name,
 * not from the log-group resource: the key must exist before the group, so a reference would
 * be a cycle.
 */
export function logsServiceStatement(
  sid: string,
  region: string,
  logGroupArn: string,
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
      { test: "ArnEquals", variable: "kms:EncryptionContext:aws:logs:arn", values: [logGroupArn] },
    ],
  };
}
