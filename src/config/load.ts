import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { z } from "zod";
import { ConfigError, ConfigErrors } from "./errors";
import { explainedByRetiredKey, retiredKeyError } from "./migrations";
import { configSchema, type Config, type ConfigInput } from "./schema";
import { validateConfig } from "./validate";

/** Folder of per-environment override files, `<name>.json`, relative to the project root. */
export const ENVIRONMENTS_DIR = "config/environments";
/** The environment synthesized when none is named: the seed's topology, no file needed. */
export const DEFAULT_ENVIRONMENT = "default";
/** `--env all` or `AGENTCORE_ENV=all`: every known environment, one after another. */
export const ALL_ENVIRONMENTS = "all";
/** Names no environment file may take: they already mean something to the loader. */
const RESERVED_ENVIRONMENTS = [DEFAULT_ENVIRONMENT, ALL_ENVIRONMENTS];

/**
 * Environment variables this project reads. Any other `AGENTCORE_*` variable is an error, so a
 * misspelt override cannot be silently ignored.
 */
export const ENV_VARS = {
  AGENTCORE_ENV:
    "environment to synthesize (a file in config/environments, 'default', or 'all' for every one)",
  AGENTCORE_CONFIG: "path of an extra JSON config file layered over the environment",
  AGENTCORE_STATE_BUCKET: "S3 bucket for Terraform state (overrides backend.bucket)",
} as const;

/** Where the configuration comes from. Tests pass these explicitly; main.ts passes the process's. */
export interface ConfigSources {
  /** Command-line arguments after the script name. */
  readonly argv?: readonly string[];
  /** Environment variables. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Project root, for resolving config/environments. Default: the current directory. */
  readonly cwd?: string;
  /** An in-memory override, applied last (used by tests and the benchmark). */
  readonly override?: ConfigInput;
}

interface Flags {
  env?: string;
  config?: string;
}

const FLAGS: Record<string, keyof Flags> = { "--env": "env", "--config": "config" };

/**
 * Resolves, validates and freezes the configuration. Throws {@link ConfigErrors} listing every
 * problem; nothing has been written when it throws.
 */
export function loadConfig(sources: ConfigSources = {}): Config {
  const environment = requestedEnvironment(sources);
  if (environment === ALL_ENVIRONMENTS) {
    throw new ConfigErrors([
      new ConfigError(
        "CFG_ENV_ALL_SINGLE",
        "environment",
        environment,
        "names every environment; this command takes one (use loadConfigs)",
      ),
    ]);
  }
  return loadEnvironment(sources, environment);
}

/**
 * Like {@link loadConfig}, but `--env all` (or `AGENTCORE_ENV=all`) gives every known
 * environment, the built-in default first, then the files in name order.
 */
export function loadConfigs(sources: ConfigSources = {}): Config[] {
  const environment = requestedEnvironment(sources);
  if (environment !== ALL_ENVIRONMENTS) return [loadEnvironment(sources, environment)];
  if (sources.env?.AGENTCORE_STATE_BUCKET !== undefined) {
    throw new ConfigErrors([
      new ConfigError(
        "CFG_BUCKET_FOR_ALL",
        "AGENTCORE_STATE_BUCKET",
        sources.env.AGENTCORE_STATE_BUCKET,
        "names one bucket, but every environment keeps its own state bucket; " +
          "unset it with --env all, or synthesize one environment",
      ),
    ]);
  }
  const configs = knownEnvironments(sources.cwd ?? process.cwd()).map((name) =>
    loadEnvironment(sources, name),
  );
  const owners = new Map<string, string>();
  const shared: ConfigError[] = [];
  for (const config of configs) {
    const owner = owners.get(config.backend.bucket);
    if (owner !== undefined) {
      shared.push(
        new ConfigError(
          "CFG_BUCKET_SHARED",
          `${config.environment}: backend.bucket`,
          config.backend.bucket,
          `is already the state bucket of "${owner}"; each environment needs its own ` +
            "(its state stack creates it)",
        ),
      );
    }
    owners.set(config.backend.bucket, config.environment);
  }
  if (shared.length > 0) throw new ConfigErrors(shared);
  return configs;
}

/** The environment the flags or variables ask for; checks both first. */
export function requestedEnvironment(sources: ConfigSources): string {
  const env = sources.env ?? {};
  const flags = parseFlags(sources.argv ?? []);
  checkEnvVars(env);
  return flags.env ?? env.AGENTCORE_ENV ?? DEFAULT_ENVIRONMENT;
}

function loadEnvironment(sources: ConfigSources, environment: string): Config {
  const env = sources.env ?? {};
  const cwd = sources.cwd ?? process.cwd();
  const flags = parseFlags(sources.argv ?? []);

  const layers: unknown[] = [];
  if (environment !== DEFAULT_ENVIRONMENT) {
    layers.push(readEnvironmentFile(cwd, environment));
  }
  const extraFile = flags.config ?? env.AGENTCORE_CONFIG;
  if (extraFile !== undefined) {
    layers.push(
      readJsonFile(resolve(cwd, extraFile), flags.config ? "--config" : "AGENTCORE_CONFIG"),
    );
  }
  if (env.AGENTCORE_STATE_BUCKET !== undefined) {
    layers.push({ backend: { bucket: env.AGENTCORE_STATE_BUCKET } });
  }
  if (sources.override !== undefined) layers.push(sources.override);

  const input = layers.reduce<Record<string, unknown>>(
    (merged, layer) => deepMerge(merged, layer),
    environment === DEFAULT_ENVIRONMENT ? {} : { environment },
  );
  // Stack names, state keys and the outdir are all derived from the environment's name; a layer
  // that renamed it would write one environment's settings over another's stacks.
  if (input.environment !== undefined && input.environment !== environment) {
    throw new ConfigErrors([
      new ConfigError(
        "CFG_ENV_NAME_MISMATCH",
        "environment",
        input.environment,
        `the environment is chosen by --env or AGENTCORE_ENV (here "${environment}"); ` +
          "a config file may not rename it: leave the key out",
      ),
    ]);
  }
  return parseConfig(input);
}

/** Schema check, then cross-field rules; returns a deeply frozen config. */
export function parseConfig(input: unknown): Config {
  const result = configSchema.safeParse(input);
  if (!result.success) {
    throw new ConfigErrors(
      result.error.issues
        .filter((issue) => !explainedByRetiredKey(issue, input))
        .flatMap((issue) => fromZodIssue(issue, input)),
    );
  }
  const errors = validateConfig(result.data);
  if (errors.length > 0) throw new ConfigErrors(errors);
  return deepFreeze(result.data);
}

/**
 * Names of the environments that have a file, plus the built-in default. A file named after a
 * reserved word (`default.json` would never be read, `all.json` could never be chosen) is an
 * error rather than a silently dead file.
 */
export function knownEnvironments(cwd: string): string[] {
  const dir = join(cwd, ENVIRONMENTS_DIR);
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith(".json"))
        .map((file) => file.slice(0, -".json".length))
    : [];
  const reserved = files.filter((name) => RESERVED_ENVIRONMENTS.includes(name));
  if (reserved.length > 0) {
    throw new ConfigErrors(
      reserved.map(
        (name) =>
          new ConfigError(
            "CFG_ENV_FILE_RESERVED",
            `${ENVIRONMENTS_DIR}/${name}.json`,
            name,
            `rename the file: ${RESERVED_ENVIRONMENTS.join(" and ")} are reserved environment names`,
          ),
      ),
    );
  }
  return [DEFAULT_ENVIRONMENT, ...files.sort()];
}

function parseFlags(argv: readonly string[]): Flags {
  const flags: Flags = {};
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    const key = FLAGS[name];
    if (key === undefined) {
      throw new ConfigErrors([
        new ConfigError(
          "CFG_FLAG_UNKNOWN",
          "argv",
          argv[i],
          `flags are ${Object.keys(FLAGS).join(", ")}`,
        ),
      ]);
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") {
      throw new ConfigErrors([
        new ConfigError("CFG_FLAG_VALUE", name, value, `${name} needs a value, e.g. ${name}=dev`),
      ]);
    }
    if (flags[key] !== undefined) {
      throw new ConfigErrors([
        new ConfigError(
          "CFG_FLAG_REPEATED",
          name,
          [flags[key], value],
          `give ${name} once (the last one would otherwise win silently)`,
        ),
      ]);
    }
    flags[key] = value;
  }
  return flags;
}

function checkEnvVars(env: Readonly<Record<string, string | undefined>>): void {
  const errors = Object.keys(env)
    .filter((name) => name.startsWith("AGENTCORE_") && !(name in ENV_VARS))
    .sort()
    .map(
      (name) =>
        new ConfigError(
          "CFG_ENV_UNKNOWN",
          name,
          env[name],
          `this project reads only ${Object.keys(ENV_VARS).join(", ")}`,
        ),
    );
  for (const name of Object.keys(ENV_VARS)) {
    if (env[name] === "") {
      errors.push(new ConfigError("CFG_ENV_EMPTY", name, "", "unset it or give it a value"));
    }
  }
  if (errors.length > 0) throw new ConfigErrors(errors);
}

function readEnvironmentFile(cwd: string, environment: string): unknown {
  const known = knownEnvironments(cwd);
  if (!known.includes(environment)) {
    throw new ConfigErrors([
      new ConfigError(
        "CFG_ENV_UNKNOWN_NAME",
        "environment",
        environment,
        `known environments: ${known.join(", ")}`,
      ),
    ]);
  }
  const file = readJsonFile(join(cwd, ENVIRONMENTS_DIR, `${environment}.json`), "environment");
  // Stack names, state keys and Atlantis projects are all `<tier>-<file name>`; a file that
  // renamed its environment inside would synthesize stacks nobody asked for.
  if (isPlainObject(file) && "environment" in file && file.environment !== environment) {
    throw new ConfigErrors([
      new ConfigError(
        "CFG_ENV_NAME_MISMATCH",
        `${ENVIRONMENTS_DIR}/${environment}.json: environment`,
        file.environment,
        `leave it out, or set it to the file's name "${environment}"`,
      ),
    ]);
  }
  return file;
}

function readJsonFile(path: string, field: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new ConfigErrors([
      new ConfigError("CFG_FILE_UNREADABLE", field, path, "must name a readable JSON file"),
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigErrors([
      new ConfigError(
        "CFG_FILE_NOT_JSON",
        field,
        path,
        `must hold valid JSON (${(error as Error).message})`,
      ),
    ]);
  }
}

function fromZodIssue(issue: z.core.$ZodIssue, input: unknown): ConfigError[] {
  const field = issue.path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
  if (issue.code === "unrecognized_keys") {
    const retired = issue.keys.map((key) => retiredKeyError(issue.path, key, input));
    const unknown = issue.keys.filter((_, index) => retired[index] === undefined);
    const prefix = field === "" ? "" : `${field}.`;
    return [
      ...retired.filter((error) => error !== undefined),
      ...(unknown.length === 0
        ? []
        : [
            new ConfigError(
              "CFG_UNKNOWN_KEY",
              `${prefix}${unknown.join(`, ${prefix}`)}`,
              unknown,
              unknownKeyAdvice(issue.path, field),
            ),
          ]),
    ];
  }
  return [
    new ConfigError("CFG_INVALID", field || "(root)", valueAt(input, issue.path), issue.message),
  ];
}

/** "Did you mean": the settings the schema accepts where the unknown key was found. */
function unknownKeyAdvice(path: readonly PropertyKey[], field: string): string {
  const allowed = settingsAt(path);
  return allowed.length > 0
    ? `is not a setting here; the settings at ${field || "the top level"} are ${allowed.join(", ")}`
    : "is not a setting here; check the spelling against src/config/schema";
}

/** The keys the schema's strict object accepts at `path`. */
function settingsAt(path: readonly PropertyKey[]): string[] {
  // zod keeps the structure in `_zod.def`: wrappers (default, prefault, optional, nullable) have
  // an innerType, objects a shape, arrays an element, records a valueType.
  type Schema = {
    _zod: {
      def: {
        type: string;
        innerType?: Schema;
        shape?: Record<string, Schema>;
        element?: Schema;
        valueType?: Schema;
      };
    };
  };
  const unwrap = (schema: Schema | undefined): Schema | undefined => {
    let current = schema;
    while (current?._zod.def.innerType) current = current._zod.def.innerType;
    return current;
  };
  let schema = unwrap(configSchema as unknown as Schema);
  for (const part of path) {
    const def = schema?._zod.def;
    const next =
      def?.type === "object"
        ? def.shape?.[String(part)]
        : def?.type === "array"
          ? def.element
          : def?.type === "record"
            ? def.valueType
            : undefined;
    schema = unwrap(next);
  }
  const shape = schema?._zod.def.type === "object" ? schema._zod.def.shape : undefined;
  return shape ? Object.keys(shape) : [];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"];

/** Objects merge key by key; arrays and scalars from the later layer replace earlier ones. */
function deepMerge(base: Record<string, unknown>, layer: unknown): Record<string, unknown> {
  if (!isPlainObject(layer)) {
    throw new ConfigErrors([
      new ConfigError("CFG_FILE_SHAPE", "(root)", layer, "a config layer must be a JSON object"),
    ]);
  }
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(layer)) {
    // JSON.parse makes `__proto__` an own key; assigning it would swap the object's prototype
    // and smuggle settings past the strict schema.
    if (FORBIDDEN_KEYS.includes(key)) {
      throw new ConfigErrors([
        new ConfigError("CFG_UNKNOWN_KEY", key, value, "is not a setting; remove it"),
      ]);
    }
    const previous = merged[key];
    merged[key] =
      isPlainObject(previous) && isPlainObject(value) ? deepMerge(previous, value) : value;
  }
  return merged;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
