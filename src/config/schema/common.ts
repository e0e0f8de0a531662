import { z } from "zod";

/** Lower-case words joined by hyphens: safe in AWS names, Terraform addresses and tags. */
export const KEBAB_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export const kebabName = (what: string, max: number) =>
  z
    .string()
    .max(max, `${what} must be at most ${max} characters`)
    .regex(KEBAB_NAME, `${what} must be lower-case letters, digits and single hyphens`);

/**
 * CloudWatch Logs accepts only these retention periods (PutRetentionPolicy API). Zero, which
 * means "never expire", is deliberately absent: every log group here has a retention.
 */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

export const logRetentionDays = z
  .number()
  .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
    message: `must be one of CloudWatch's retention periods: ${LOG_RETENTION_DAYS.join(", ")}`,
  });

/** AWS tag keys and values; the `aws:` prefix is reserved by AWS. */
export const tagMap = z.record(
  z
    .string()
    .min(1)
    .max(128)
    .refine((key) => !key.toLowerCase().startsWith("aws:"), {
      message: "tag keys may not start with the reserved prefix aws:",
    }),
  z.string().max(256),
);
