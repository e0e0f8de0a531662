import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Construct } from "constructs";
import type { AccountContext } from "../shared/account";
import { CustomerManagedKey } from "../shared/kms-key";
import { policyDocument } from "../shared/policy-document";

/**
 * The TLS-only statement denies every S3 action (`s3:*`) on the bucket when the request is not
 * over TLS. This is the one wildcard action in the project, and it is in a Deny: a wildcard in
 * a Deny can only take access away, and a listed set would leave every unlisted action (and
 * every action AWS adds later) open to plain HTTP. Policy rule IAM-001 allows exactly that case.
 */
const EVERY_S3_ACTION = "s3:*";

/** Days after which S3 discards the parts of an upload that never completed. */
export const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

export interface StateBucketProps {
  /** Globally unique bucket name (`backend.bucket`). */
  readonly bucketName: string;
  /** Alias of the bucket's customer-managed key, without `alias/`. */
  readonly keyAlias: string;
  readonly account: AccountContext;
  /** Days a superseded state version is kept (`backend.noncurrentVersionDays`). */
  readonly noncurrentVersionDays: number;
  /** Refuse `terraform destroy` of the bucket and its key. Default: true. */
  readonly preventDestroy?: boolean;
}

/**
 * The S3 bucket that holds every stack's Terraform state.
 *
 * Versioned (a bad apply or a corrupted state is rolled back by restoring a version), encrypted
 * with its own customer-managed key with an S3 bucket key (one KMS call per bucket-key period
 * instead of one per object), ACLs disabled (BucketOwnerEnforced), every public-access switch
 * on, requests without TLS denied, superseded versions expired after
 * `noncurrentVersionDays` and abandoned multipart uploads aborted. `force_destroy` stays off,
 * so even without `prevent_destroy` Terraform cannot delete a bucket that still holds state.
 */
export class StateBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly key: CustomerManagedKey;

  constructor(scope: Construct, id: string, props: StateBucketProps) {
    super(scope, id);
    const preventDestroy = props.preventDestroy ?? true;

    this.key = new CustomerManagedKey(this, "key", {
      description: `Encrypts Terraform state in s3://${props.bucketName}`,
      alias: props.keyAlias,
      account: props.account,
      preventDestroy,
    });

    this.bucket = new S3Bucket(this, "bucket", {
      bucket: props.bucketName,
      forceDestroy: false,
      lifecycle: { preventDestroy },
    });
    const bucket = this.bucket.id;

    const versioning = new S3BucketVersioningA(this, "versioning", {
      bucket,
      versioningConfiguration: { status: "Enabled" },
    });

    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket,
      rule: [
        {
          applyServerSideEncryptionByDefault: {
            sseAlgorithm: "aws:kms",
            kmsMasterKeyId: this.key.arn,
          },
          bucketKeyEnabled: true,
        },
      ],
    });

    new S3BucketPublicAccessBlock(this, "public-access-block", {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });

    new S3BucketOwnershipControls(this, "ownership", {
      bucket,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });

    new S3BucketPolicy(this, "policy", {
      bucket,
      policy: policyDocument(this, "policy-document", [
        {
          sid: "DenyRequestsWithoutTls",
          effect: "Deny",
          principals: [{ type: "*", identifiers: ["*"] }],
          actions: [EVERY_S3_ACTION],
          resources: [this.bucket.arn, `${this.bucket.arn}/*`],
          conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
      ]),
    });

    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket,
      // S3 rejects noncurrent-version rules on a bucket whose versioning is not yet enabled.
      dependsOn: [versioning],
      rule: [
        {
          id: "expire-old-state-versions",
          status: "Enabled",
          // An empty prefix means every object. Without a filter the provider warns that one of
          // filter/prefix is required (terraform-provider-aws #41725).
          filter: [{ prefix: "" }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: ABORT_INCOMPLETE_UPLOAD_DAYS }],
        },
      ],
    });
  }
}
