import { ConfigError } from "./errors";
import type { Config } from "./schema";
import { M2M_CLIENTS, MODEL_ID, RUNTIMES, TOOL_FUNCTIONS, type RuntimeConfig } from "./schema/app";

/** Words Cognito refuses in a hosted-domain prefix (CreateUserPoolDomain). */
const RESERVED_DOMAIN_WORDS = ["aws", "amazon", "cognito"] as const;

/** AWS keeps this much of an account's default 1000 concurrency unreserved. */
const RESERVABLE_CONCURRENCY = 900;

/** Region prefix → the inference-profile geography that may serve it. */
const PROFILE_GEOGRAPHY: Readonly<Record<string, string>> = { us: "us", eu: "eu", ap: "apac" };

/** The Cognito domain prefix in effect: configured, or derived from the name prefix. */
export function cognitoDomainPrefix(config: Config): string {
  return config.app.identity.domainPrefix ?? `${config.namePrefix}-${config.environment}-auth`;
}

/** Cross-field rules of the app tier (identity, AgentCore, tools). */
export function validateApp(config: Config): ConfigError[] {
  return [
    ...validateIdentity(config),
    ...validateModel(config),
    ...RUNTIMES.flatMap((name) =>
      validateLifecycle(`app.agentcore.runtimes.${name}`, config.app.agentcore.runtimes[name]),
    ),
    ...validateConcurrency(config),
  ];
}

function validateIdentity(config: Config): ConfigError[] {
  const { identity } = config.app;
  const errors: ConfigError[] = [];

  const prefix = cognitoDomainPrefix(config);
  const reserved = RESERVED_DOMAIN_WORDS.find((word) => prefix.includes(word));
  if (reserved !== undefined) {
    errors.push(
      new ConfigError(
        "CFG_COGNITO_DOMAIN_RESERVED",
        "app.identity.domainPrefix",
        prefix,
        `Cognito refuses domain prefixes containing "${reserved}"` +
          (identity.domainPrefix === undefined
            ? " (this one is derived from namePrefix and environment; set app.identity.domainPrefix)"
            : ""),
      ),
    );
  }

  const declared = new Set<string>();
  identity.scopes.forEach((scope, index) => {
    if (declared.has(scope.name)) {
      errors.push(
        new ConfigError(
          "CFG_COGNITO_SCOPE_DUPLICATE",
          `app.identity.scopes[${index}].name`,
          scope.name,
          "each scope name may be declared once",
        ),
      );
    }
    declared.add(scope.name);
  });

  for (const client of M2M_CLIENTS) {
    identity.clients[client].scopes.forEach((scope, index) => {
      if (!declared.has(scope)) {
        errors.push(
          new ConfigError(
            "CFG_COGNITO_SCOPE_UNKNOWN",
            `app.identity.clients.${client}.scopes[${index}]`,
            scope,
            `must be a scope of the resource server: ${[...declared].join(", ")}`,
          ),
        );
      }
    });
  }
  return errors;
}

function validateModel(config: Config): ConfigError[] {
  const { modelId } = config.app.agentcore;
  const geography = MODEL_ID.exec(modelId)?.[1];
  const expected = PROFILE_GEOGRAPHY[config.region.split("-")[0]];
  if (geography === undefined || geography === "global" || geography === expected) return [];
  return [
    new ConfigError(
      "CFG_MODEL_PROFILE_REGION",
      "app.agentcore.modelId",
      modelId,
      `an inference profile must belong to the region's geography: use the "${expected ?? "global"}." ` +
        `prefix in ${config.region}, "global.", or a foundation-model id`,
    ),
  ];
}

/** PITFALLS P5: one timeout alone drifts on every plan; idle above max can never fire. */
function validateLifecycle(field: string, runtime: RuntimeConfig): ConfigError[] {
  const { idleTimeoutSeconds: idle, maxLifetimeSeconds: max } = runtime;
  if ((idle === null) !== (max === null)) {
    return [
      new ConfigError(
        "CFG_RUNTIME_LIFECYCLE_PARTIAL",
        idle === null ? `${field}.idleTimeoutSeconds` : `${field}.maxLifetimeSeconds`,
        null,
        "set both idleTimeoutSeconds and maxLifetimeSeconds, or both to null for AgentCore's " +
          "defaults (one alone drifts: terraform-provider-aws #45290)",
      ),
    ];
  }
  if (idle !== null && max !== null && idle > max) {
    return [
      new ConfigError(
        "CFG_RUNTIME_IDLE_ABOVE_MAX",
        `${field}.idleTimeoutSeconds`,
        idle,
        `must not exceed ${field}.maxLifetimeSeconds (${max})`,
      ),
    ];
  }
  return [];
}

function validateConcurrency(config: Config): ConfigError[] {
  const { functions } = config.app.tools;
  const total = TOOL_FUNCTIONS.reduce((sum, name) => sum + functions[name].reservedConcurrency, 0);
  if (total <= RESERVABLE_CONCURRENCY) return [];
  return [
    new ConfigError(
      "CFG_LAMBDA_CONCURRENCY_TOTAL",
      "app.tools.functions",
      Object.fromEntries(TOOL_FUNCTIONS.map((n) => [n, functions[n].reservedConcurrency])),
      `the tools together may reserve at most ${RESERVABLE_CONCURRENCY} (AWS keeps 100 of the ` +
        `default 1000 unreserved); got ${total}`,
    ),
  ];
}
