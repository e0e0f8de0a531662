import { z } from "zod";

/** S3 bucket naming rules (the subset that matters for a state bucket). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** The rest of S3's general-purpose bucket naming rules, each a pattern a name must not match. */
const BUCKET_NAME_FORBIDDEN = [
  /^\d{1,3}(\.\d{1,3}){3}$/,
  /\.\.|\.-|-\./,
  /^(xn--|sthree-|amzn-s3-demo-)/,
  /(-s3alias|--ol-s3|--x-s3)$/,
];

/**
 * Where Terraform keeps state. Every stack gets `<keyPrefix>/<environment>/<stack>.tfstate` in
 * this bucket, with S3-native locking (a `.tflock` object) instead of a DynamoDB table.
 */
export const backendSchema = z.strictObject({
  /** State bucket, created by the bootstrap stack. Override per account with AGENTCORE_STATE_BUCKET. */
  bucket: z
    .string({ message: "the state bucket is required" })
    .min(1, "the state bucket is required; set backend.bucket or AGENTCORE_STATE_BUCKET")
    .regex(BUCKET_NAME, "must be a valid S3 bucket name (3-63 of a-z, 0-9, '.', '-')")
    .refine((name) => !BUCKET_NAME_FORBIDDEN.some((rule) => rule.test(name)), {
      message:
        "breaks an S3 naming rule: no IP-address form, no '..', '.-' or '-.', no prefix " +
        "'xn--', 'sthree-' or 'amzn-s3-demo-', no suffix '-s3alias', '--ol-s3' or '--x-s3'",
    })
    .default("customer-support-agentcore-tfstate"),
  /** Folder inside the bucket. Default: `agentcore`. */
  keyPrefix: z
    .string()
    .regex(/^[a-z0-9][a-z0-9/_-]*[a-z0-9]$/, "must be a path of a-z, 0-9, '/', '_', '-'")
    .default("agentcore"),
  /** The bucket's region; may differ from the workload region. Default: us-west-2. */
  region: z.string().default("us-west-2"),
  /**
   * Days the state bucket keeps a superseded state version before S3 deletes it. Old versions
   * are how a corrupted or wrongly applied state is rolled back, so keep at least a sprint's
   * worth. Default: 90. 1 to 3650.
   */
  noncurrentVersionDays: z
    .number()
    .int("must be a whole number of days")
    .min(1, "must be at least 1 day (0 would keep no history to roll back to)")
    .max(3650, "must be at most 3650 days (ten years)")
    .default(90),
  /**
   * Keep the bootstrap stack's own state in the bucket it creates. Default: false, because the
   * first apply cannot use a bucket that does not exist yet. Set it to true after that apply,
   * re-synth, and run `terraform init -migrate-state` in the state stack's directory (README,
   * "State bootstrap").
   */
  bootstrapStateInBucket: z.boolean().default(false),
});

export type BackendConfig = z.infer<typeof backendSchema>;
