import { z } from "zod";

/** S3 bucket naming rules (the subset that matters for a state bucket). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

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
    .default("customer-support-agentcore-tfstate"),
  /** Folder inside the bucket. Default: `agentcore`. */
  keyPrefix: z
    .string()
    .regex(/^[a-z0-9][a-z0-9/_-]*[a-z0-9]$/, "must be a path of a-z, 0-9, '/', '_', '-'")
    .default("agentcore"),
  /** The bucket's region; may differ from the workload region. Default: us-west-2. */
  region: z.string().default("us-west-2"),
});

export type BackendConfig = z.infer<typeof backendSchema>;
