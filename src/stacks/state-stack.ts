import { LocalBackend, TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { Config } from "../config";
import { resourceName } from "../shared/naming";
import { StateBucket } from "../state/state-bucket";
import { TierStack } from "./tier-stack";

/**
 * Where the bootstrap stack keeps its own state before it has a bucket: outside `cdktf.out`
 * (which people delete freely and synth prunes), relative to the stack's working directory
 * `cdktf.out/stacks/state-<env>`. `.terraform-state/` is git-ignored.
 */
export const LOCAL_STATE_DIR = ".terraform-state";

/**
 * The bootstrap tier: the S3 bucket (and its key) that holds every other stack's state.
 *
 * One per environment, because `backend.bucket` is per environment (environments usually live
 * in separate accounts, and bucket names are global). It is applied once, by hand, with local
 * state, before any other stack; after that `backend.bootstrapStateInBucket: true` moves its
 * own state into the bucket it created. It lives in the bucket's region, not the workload's.
 */
export class StateStack extends TierStack {
  readonly stateBucket: StateBucket;

  constructor(scope: Construct, config: Config) {
    const localState = !config.backend.bootstrapStateInBucket;
    super(scope, "state", config, { localState, region: config.backend.region });

    if (localState) {
      new LocalBackend(this, {
        path: `../../../${LOCAL_STATE_DIR}/state-${config.environment}.tfstate`,
      });
    }

    this.stateBucket = new StateBucket(this, "tfstate", {
      bucketName: config.backend.bucket,
      keyAlias: resourceName(config, "tfstate"),
      account: this.account,
      noncurrentVersionDays: config.backend.noncurrentVersionDays,
      preventDestroy: config.protectStatefulResources,
    });

    new TerraformOutput(this, "state-bucket", {
      description: "S3 bucket holding every stack's Terraform state (backend.bucket)",
      value: this.stateBucket.bucket.bucket,
    });
    new TerraformOutput(this, "state-bucket-arn", {
      description: "ARN of the state bucket, for the IAM policies of whoever runs Terraform",
      value: this.stateBucket.bucket.arn,
    });
    new TerraformOutput(this, "state-key-arn", {
      description: "KMS key encrypting the state; Terraform runners need Decrypt/GenerateDataKey",
      value: this.stateBucket.key.arn,
    });
  }
}
