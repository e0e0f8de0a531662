import { ABORT_INCOMPLETE_UPLOAD_DAYS } from "../../src/state/state-bucket";
import type { TerraformJson } from "../../src/synth/pipeline";
import { dataOf, follow, ref, resourcesOf, synthStacks } from "../support/synth";

const stateStack = (input = {}): TerraformJson => {
  const stacks = synthStacks(input);
  const name = Object.keys(stacks).find((stack) => stack.startsWith("state-"));
  if (!name) throw new Error("no state stack synthesized");
  return stacks[name];
};

/** The single resource of a type; fails when there is not exactly one. */
function only(stack: TerraformJson, type: string): Record<string, unknown> {
  const blocks = Object.values(resourcesOf(stack, type));
  expect(blocks).toHaveLength(1);
  return blocks[0];
}

const BUCKET_ID = ref("aws_s3_bucket", "tfstate_bucket");

describe("the state bootstrap stack", () => {
  const stack = stateStack();

  it("creates the bucket named by backend.bucket, never force-destroyed, protected", () => {
    expect(only(stack, "aws_s3_bucket")).toMatchObject({
      bucket: "customer-support-agentcore-tfstate",
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
  });

  it("versions the bucket", () => {
    expect(only(stack, "aws_s3_bucket_versioning")).toMatchObject({
      bucket: BUCKET_ID,
      versioning_configuration: { status: "Enabled" },
    });
  });

  it("encrypts with its own rotating customer-managed key and a bucket key", () => {
    const encryption = only(stack, "aws_s3_bucket_server_side_encryption_configuration");
    const [rule] = encryption.rule as Record<string, Record<string, unknown>>[];
    expect(encryption.bucket).toBe(BUCKET_ID);
    expect(rule.bucket_key_enabled).toBe(true);
    expect(rule.apply_server_side_encryption_by_default.sse_algorithm).toBe("aws:kms");
    const key = follow(stack, rule.apply_server_side_encryption_by_default.kms_master_key_id);
    expect(key).toMatchObject({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
  });

  it("turns on all four public-access blocks", () => {
    expect(only(stack, "aws_s3_bucket_public_access_block")).toMatchObject({
      bucket: BUCKET_ID,
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it("disables ACLs: the bucket owner owns every object", () => {
    expect(only(stack, "aws_s3_bucket_ownership_controls")).toMatchObject({
      rule: { object_ownership: "BucketOwnerEnforced" },
    });
  });

  it("denies every request to the bucket and its objects that does not use TLS", () => {
    const policy = only(stack, "aws_s3_bucket_policy");
    expect(policy.bucket).toBe(BUCKET_ID);
    const document = follow(stack, policy.policy);
    const [statement] = document.statement as Record<string, unknown>[];
    expect(statement).toMatchObject({
      effect: "Deny",
      principals: [{ type: "*", identifiers: ["*"] }],
      resources: [
        ref("aws_s3_bucket", "tfstate_bucket", "arn"),
        `${ref("aws_s3_bucket", "tfstate_bucket", "arn")}/*`,
      ],
      condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
    });
    // Every S3 action, including those AWS adds later: a Deny is the one place a wildcard
    // only ever takes access away.
    expect(statement.actions).toEqual(["s3:*"]);
  });

  it("expires superseded state versions after backend.noncurrentVersionDays and aborts stale uploads", () => {
    const lifecycle = only(
      stateStack({ backend: { noncurrentVersionDays: 45 } }),
      "aws_s3_bucket_lifecycle_configuration",
    );
    expect(lifecycle.depends_on).toEqual(["aws_s3_bucket_versioning.tfstate_versioning"]);
    expect(lifecycle.rule).toEqual([
      {
        id: "expire-old-state-versions",
        status: "Enabled",
        filter: [{ prefix: "" }],
        noncurrent_version_expiration: [{ noncurrent_days: 45 }],
        abort_incomplete_multipart_upload: [
          { days_after_initiation: ABORT_INCOMPLETE_UPLOAD_DAYS },
        ],
      },
    ]);
  });

  it("keeps its own state locally, outside cdktf.out, until told the bucket exists", () => {
    expect(stack.terraform?.backend).toEqual({
      local: { path: "../../../.terraform-state/state-default.tfstate" },
    });
    const migrated = stateStack({ backend: { bootstrapStateInBucket: true } });
    expect(migrated.terraform?.backend).toEqual({
      s3: {
        bucket: "customer-support-agentcore-tfstate",
        key: "agentcore/default/state.tfstate",
        region: "us-west-2",
        use_lockfile: true,
      },
    });
  });

  it("deploys in the bucket's region, which may differ from the workload region", () => {
    const moved = stateStack({ backend: { region: "eu-west-1" } });
    const provider = (moved.provider as Record<string, Record<string, unknown>[]>).aws[0];
    expect(provider.region).toBe("eu-west-1");
  });

  it("can be left unprotected for a throw-away environment", () => {
    const loose = stateStack({ protectStatefulResources: false });
    expect(only(loose, "aws_s3_bucket").lifecycle).toEqual({ prevent_destroy: false });
    expect(only(loose, "aws_kms_key").lifecycle).toEqual({ prevent_destroy: false });
  });

  it("builds its policies only from policy-document data sources", () => {
    expect(Object.keys(dataOf(stack, "aws_iam_policy_document")).sort()).toEqual([
      "tfstate_key_policy",
      "tfstate_policy_document",
    ]);
  });
});

describe("every other stack's backend", () => {
  it("points at the state bucket with S3-native locking and a key per stack", () => {
    const stacks = synthStacks({ environment: "dev", backend: { bucket: "dev-state" } });
    const backends = Object.entries(stacks)
      .filter(([name]) => !name.startsWith("state-"))
      .map(([name, json]) => [name, json.terraform?.backend]);
    expect(backends.length).toBeGreaterThan(0);
    for (const [name, backend] of backends) {
      const tier = String(name).split("-")[0];
      expect(backend).toEqual({
        s3: {
          bucket: "dev-state",
          key: `agentcore/dev/${tier}.tfstate`,
          region: "us-west-2",
          use_lockfile: true,
        },
      });
    }
  });
});
