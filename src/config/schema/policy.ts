import { z } from "zod";

/** A written reason must say something; "ok", "n/a" or "see ticket" is not a reason. */
export const MIN_REASON_LENGTH = 20;

export const suppressionSchema = z.strictObject({
  /** Rule id from src/policy/packs.ts, e.g. `IAM-002`. Unknown ids are an error. */
  rule: z.string().regex(/^[A-Z0-9]+-\d{3}$/, "must be a rule id such as IAM-002"),
  /**
   * The finding's address: `<stack>/<type>.<name>` (one environment) or `<type>.<name>` (that
   * resource in every stack). An address that matches no finding of the rule is an error, so
   * a stale suppression cannot linger after the code is fixed.
   */
  address: z.string().min(1, "name the address the finding reports"),
  /** Why the finding is acceptable here; goes into the report next to the finding. */
  reason: z.string().refine((reason) => reason.trim().length >= MIN_REASON_LENGTH, {
    message: `a suppression needs a reason of at least ${MIN_REASON_LENGTH} characters`,
  }),
});

/** Synth-time guardrails (src/policy). */
export const policySchema = z.strictObject({
  /**
   * Findings accepted on purpose, each with its reason. Default: none. Errors of suppressed
   * findings no longer fail synth; the report lists them with the reason.
   */
  suppressions: z.array(suppressionSchema).default([]),
});

export type PolicyConfig = z.infer<typeof policySchema>;
export type Suppression = z.infer<typeof suppressionSchema>;
