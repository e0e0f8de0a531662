import { z } from "zod";
import { backendSchema } from "./backend";
import { kebabName, tagMap } from "./common";
import { dataSchema } from "./data";
import { networkSchema } from "./network";
import { policySchema } from "./policy";

/**
 * The whole, typed description of one environment. Every field has the seed's value as its
 * default, so `{}` is the reference topology. Objects are strict: a misspelt key is an error,
 * not a silently ignored setting.
 */
export const configSchema = z.strictObject({
  /** Environment name; part of every resource name and state key. Default: `default`. */
  environment: kebabName("environment", 16).default("default"),
  /** AWS region for every workload resource. Default: us-west-2 (the seed's). */
  region: z.string().default("us-west-2"),
  /** Prefix of every AWS resource name. Default: `cs-agent` (customer-support agent). */
  namePrefix: kebabName("namePrefix", 20).default("cs-agent"),
  /** Tags applied to every taggable resource through the provider's default_tags. */
  tags: tagMap.default({ Project: "customer-support-agentcore", ManagedBy: "cdktf" }),
  /**
   * Give every stateful resource (keys, log groups, database, tables, secrets, state bucket)
   * Terraform's `prevent_destroy`. Default: true. Turn off only for a throw-away environment.
   */
  protectStatefulResources: z.boolean().default(true),
  network: networkSchema.prefault({}),
  backend: backendSchema.prefault({}),
  data: dataSchema.prefault({}),
  policy: policySchema.prefault({}),
});

/** The input shape: everything optional, as a user writes it in a config file. */
export type ConfigInput = z.input<typeof configSchema>;
/** The resolved shape: defaults applied and validated. */
export type Config = z.infer<typeof configSchema>;
