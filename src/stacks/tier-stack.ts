import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Backend, TerraformElement, TerraformStack } from "cdktf";
import type { Construct, Node } from "constructs";
import type { Config } from "../config";
import { AccountContext } from "../shared/account";

/** Terraform's identifier rule: a letter or underscore, then letters, digits, `_` or `-`. */
const TERRAFORM_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * The tiers, in dependency order: the state bucket, then network, then data and registry (the
 * registry reads no other tier), then app, after the images are pushed. A tier's stack name is
 * `<tier>-<environment>` and its state key `<keyPrefix>/<environment>/<tier>.tfstate`; both are
 * part of the released interface. Synth prunes only directories named after one of these
 * (src/synth/outdir.ts): keep a retired tier here until its directories are gone from every
 * checkout.
 */
export const TIERS = ["state", "network", "data", "registry", "app"] as const;
export type Tier = (typeof TIERS)[number];

export interface TierStackOptions {
  /**
   * Keep this stack's state locally instead of in the state bucket. Only the bootstrap stack
   * does, and only until the bucket exists. Default: false.
   */
  readonly localState?: boolean;
  /** Region of the stack's provider and ARNs. Default: `config.region`, the workload region. */
  readonly region?: string;
}

/**
 * Base of every stack: one AWS provider with default tags, an S3 backend with native locking,
 * an {@link AccountContext}, and readable Terraform addresses.
 *
 * Addresses: cdktf's default logical id is the construct path plus a hash (`Network_Vpc_1A2B3C4D`).
 * We use the construct path below the stack in snake_case instead (`network_vpc`), so a
 * reviewer can read a plan and a reorganisation of code that keeps ids keeps addresses. Ids
 * are kebab-case everywhere; two constructs mapping to one address fail synth.
 */
export class TierStack extends TerraformStack {
  readonly config: Config;
  readonly tier: Tier;
  readonly account: AccountContext;
  private readonly addresses = new Map<string, string>();

  constructor(scope: Construct, tier: Tier, config: Config, options: TierStackOptions = {}) {
    super(scope, `${tier}-${config.environment}`);
    this.config = config;
    this.tier = tier;
    const region = options.region ?? config.region;

    new AwsProvider(this, "aws", {
      region,
      defaultTags: [{ tags: { ...config.tags, Environment: config.environment, Tier: tier } }],
    });

    if (!options.localState) {
      new S3Backend(this, {
        bucket: config.backend.bucket,
        key: `${config.backend.keyPrefix}/${config.environment}/${tier}.tfstate`,
        region: config.backend.region,
        // No `encrypt`: without kms_key_id, Terraform's S3 client would send an explicit AES256
        // (SSE-S3) header, overriding the state bucket's default SSE-KMS with its own key. Left
        // unset, every state and lock object is encrypted by the bucket default with that key.
      });
      // cdktf 0.21's S3Backend has no lock-file option (cdk-terrain #233) and the DynamoDB lock
      // table is deprecated, so S3-native locking is switched on by an override.
      this.addOverride("terraform.backend.s3.use_lockfile", true);
    }

    this.account = new AccountContext(this, "account", region);
  }

  protected allocateLogicalId(element: TerraformElement | Node): string {
    const node = TerraformElement.isTerraformElement(element) ? element.node : element;
    const below = node.scopes.slice(node.scopes.indexOf(this) + 1);
    const address = below.map((scope) => addressPart(scope.node.id)).join("_");
    if (!TERRAFORM_IDENTIFIER.test(address)) {
      throw new Error(
        `construct path ${node.path} gives Terraform address "${address}"; ` +
          "construct ids must be kebab-case (a-z, 0-9, '-') and start with a letter",
      );
    }
    const owner = this.addresses.get(address);
    if (owner !== undefined && owner !== node.path) {
      throw new Error(
        `construct paths ${owner} and ${node.path} both give Terraform address "${address}"; rename one`,
      );
    }
    this.addresses.set(address, node.path);
    return address;
  }
}

/**
 * One construct id as part of an address. Our ids are kebab-case, so `-` becomes `_`. cdktf
 * names the elements it generates for cross-stack references itself
 * (`cross-stack-output-aws_subnet.network_subnet_data.id`, `cross-stack-reference-input-network-default`);
 * for those only, every other character outside `[a-z0-9_]` becomes `_` too, which keeps them
 * readable (`cross_stack_output_aws_subnet_network_subnet_data_id`) and deterministic.
 */
function addressPart(id: string): string {
  const part = id.replace(/-/g, "_");
  if (!id.startsWith(CROSS_STACK_PREFIX)) return part;
  return part
    .replace(/[^a-z0-9_]/gi, "_")
    .replace(/_+/g, "_")
    .toLowerCase();
}

/** Prefix of the construct ids cdktf gives cross-stack outputs and remote-state lookups. */
const CROSS_STACK_PREFIX = "cross-stack-";
