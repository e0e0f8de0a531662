import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { Construct } from "constructs";

/**
 * The account, partition and region a stack deploys into, as Terraform references. One per
 * stack; every ARN this project builds by hand starts from here, never from a literal
 * account number or `arn:aws:` (GovCloud and China use other partitions).
 */
export class AccountContext extends Construct {
  /** 12-digit account id, known at plan time. */
  readonly accountId: string;
  /** `aws`, `aws-us-gov` or `aws-cn`. */
  readonly partition: string;
  /** The workload region (from config, a plain string). */
  readonly region: string;

  constructor(scope: Construct, id: string, region: string) {
    super(scope, id);
    this.accountId = new DataAwsCallerIdentity(this, "caller").accountId;
    this.partition = new DataAwsPartition(this, "partition").partition;
    this.region = region;
  }

  /** `arn:<partition>:<service>:<region>:<account>:<resource>`. */
  arn(service: string, resource: string, options: { global?: boolean } = {}): string {
    const region = options.global ? "" : this.region;
    return `arn:${this.partition}:${service}:${region}:${this.accountId}:${resource}`;
  }

  /** Replaces `${partition}`, `${region}` and `${account}` in an ARN pattern. */
  fill(pattern: string): string {
    return pattern
      .replaceAll("${partition}", this.partition)
      .replaceAll("${region}", this.region)
      .replaceAll("${account}", this.accountId);
  }
}
