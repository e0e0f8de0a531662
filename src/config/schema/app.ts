import { z } from "zod";
import { logRetentionDays } from "./common";

/**
 * The app tier: Cognito machine-to-machine identity, the AgentCore runtimes and gateway, and the
 * gateway's Lambda tools. The seed names these components but gives almost no settings, so most
 * defaults are AWS's own defaults written down, and each says so.
 */

/** The two machine-to-machine clients. Keys are construct ids: never rename one. */
export const M2M_CLIENTS = ["agent-to-mcp", "agent-to-gateway"] as const;
export type M2mClientName = (typeof M2M_CLIENTS)[number];

/** The two container runtimes. Keys are construct ids: never rename one. */
export const RUNTIMES = ["agent", "mcp"] as const;
export type RuntimeName = (typeof RUNTIMES)[number];

/** The gateway's Lambda tools. Keys are construct ids and function-name suffixes. */
export const TOOL_FUNCTIONS = ["warranty-lookup", "customer-profile"] as const;
export type ToolFunctionName = (typeof TOOL_FUNCTIONS)[number];

/** AgentCore accepts session timeouts from one minute to eight hours (UpdateAgentRuntime API). */
export const SESSION_SECONDS = { min: 60, max: 28_800 } as const;

/** Cognito's custom scope names: printable, no spaces, no `/` (the separator it adds). */
const SCOPE_NAME = /^[a-z][a-z0-9._-]{0,99}$/;
/** Cognito domain prefixes: lower-case letters, digits and inner hyphens, 1-63 characters. */
export const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** `[<geo>.]<provider>.<model>[:<version>]`; the geo prefix marks an inference profile. */
export const MODEL_ID = /^(?:(us|eu|apac|global)\.)?[a-z0-9-]+\.[a-z0-9.-]+(?::\d+)?$/;
/** OCI tag grammar (what `docker tag` accepts). */
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

const scopeSchema = z.strictObject({
  /** Scope name; clients ask for `<resourceServer.identifier>/<name>`. */
  name: z.string().regex(SCOPE_NAME, "must be lower-case, start with a letter, no spaces or '/'"),
  /** Shown in the Cognito console. */
  description: z.string().min(1).max(256),
});

const clientSchema = z.strictObject({
  /** Scope names (without the resource-server prefix) this client may request. */
  scopes: z.array(z.string()).min(1, "a machine client needs at least one scope"),
});

export const identitySchema = z.strictObject({
  /**
   * Hosted-domain prefix: `https://<prefix>.auth.<region>.amazoncognito.com` serves the token
   * endpoint. Unique per region across all AWS accounts. Default: `<namePrefix>-<environment>-auth`.
   */
  domainPrefix: z
    .string()
    .regex(DOMAIN_PREFIX, "must be 1-63 lower-case letters, digits and inner hyphens")
    .optional(),
  /** Resource-server identifier, the prefix of every scope. Default: `customer-support`. */
  resourceServer: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,255}$/, "must be lower-case letters, digits and hyphens")
    .default("customer-support"),
  /** Custom scopes of the resource server. Default: read, write, mcp, gateway. */
  scopes: z
    .array(scopeSchema)
    .min(1)
    .default([
      { name: "read", description: "Read products, reviews, warranties and profiles" },
      { name: "write", description: "Update customer profiles" },
      { name: "mcp", description: "Call the MCP runtime" },
      { name: "gateway", description: "Call the AgentCore gateway's tools" },
    ]),
  /** The machine-to-machine app clients (client_credentials only) and their scopes. */
  clients: z
    .strictObject({
      /** The agent runtime calling the MCP runtime. Default: mcp, read. */
      "agent-to-mcp": clientSchema.default({ scopes: ["mcp", "read"] }),
      /** The agent runtime calling the gateway's tools. Default: gateway, read, write. */
      "agent-to-gateway": clientSchema.default({ scopes: ["gateway", "read", "write"] }),
    })
    .prefault({}),
  /** Access-token lifetime in minutes, 5 to 1440 (Cognito's limits). Default: 60. */
  accessTokenMinutes: z.number().int().min(5).max(1440).default(60),
});

const sessionSeconds = z.number().int().min(SESSION_SECONDS.min).max(SESSION_SECONDS.max);

const runtimeSchema = z.strictObject({
  /** Image tag deployed from the runtime's ECR repository (tags are immutable). Default: `1.0.0`. */
  imageTag: z.string().regex(IMAGE_TAG, "must be a valid image tag").default("1.0.0"),
  /**
   * Seconds an idle session lives. Both timeouts are always set (PITFALLS P5: one alone drifts);
   * `null` for both leaves AgentCore's defaults and omits the block. Default: 900.
   */
  idleTimeoutSeconds: sessionSeconds.nullable().default(900),
  /** Longest a session may live, in seconds; `null` together with the idle timeout. Default: 28800. */
  maxLifetimeSeconds: sessionSeconds.nullable().default(28_800),
});

const toolSchema = z.strictObject({
  /**
   * Reserved concurrent executions: a ceiling on the function and a guarantee for it. AWS keeps
   * 100 of the account's quota unreserved, so all tools together may reserve at most 900 on a
   * default (1000) quota. Default: 5.
   */
  reservedConcurrency: z.number().int().min(1).max(900).default(5),
  /** Memory in MiB, 128 to 10240. Default: 256. */
  memoryMb: z.number().int().min(128).max(10_240).default(256),
  /** Timeout in seconds; the gateway waits at most this long for a tool. Default: 10. */
  timeoutSeconds: z.number().int().min(1).max(900).default(10),
});

export const agentcoreSchema = z.strictObject({
  /**
   * Bedrock model the agent calls: a foundation-model id, or a cross-region inference profile
   * (`us.`, `eu.`, `apac.` prefix) of the workload region's geography. Default: Claude Sonnet 4
   * through the US inference profile (the seed says "Claude" and deploys to us-west-2).
   */
  modelId: z
    .string()
    .regex(MODEL_ID, "must be a Bedrock model id such as anthropic.claude-3-haiku-20240307-v1:0")
    .default("us.anthropic.claude-sonnet-4-20250514-v1:0"),
  runtimes: z
    .strictObject({
      /** The agent (HTTP protocol) in the agent-runtime subnet. */
      agent: runtimeSchema.prefault({}),
      /** The MCP server (MCP protocol) in the mcp-runtime subnet. */
      mcp: runtimeSchema.prefault({}),
    })
    .prefault({}),
  /** Images each ECR repository keeps; older ones expire. Default: 30. */
  keepImages: z.number().int().min(1).max(1000).default(30),
  /** Days an untagged image (a failed push, a layer left behind) lives. Default: 7. */
  untaggedImageDays: z.number().int().min(1).max(365).default(7),
});

export const toolsSchema = z.strictObject({
  /** Lambda runtime of the tools. Default: nodejs22.x (the newest Node LTS Lambda offers). */
  runtime: z.enum(["nodejs20.x", "nodejs22.x"]).default("nodejs22.x"),
  functions: z
    .strictObject({
      /** Warranty lookup by serial number. */
      "warranty-lookup": toolSchema.prefault({}),
      /** Customer profile get and update. */
      "customer-profile": toolSchema.prefault({}),
    })
    .prefault({}),
});

export const appSchema = z.strictObject({
  identity: identitySchema.prefault({}),
  agentcore: agentcoreSchema.prefault({}),
  tools: toolsSchema.prefault({}),
  /**
   * Days to keep runtime and Lambda logs. Default: 90 (the seed is silent; a quarter covers
   * incident look-back while the VPC flow logs keep the year-long audit trail).
   */
  logRetentionDays: logRetentionDays.default(90),
});

export type AppConfig = z.infer<typeof appSchema>;
export type RuntimeConfig = z.infer<typeof runtimeSchema>;
