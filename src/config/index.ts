export { ConfigError, ConfigErrors } from "./errors";
export { loadConfig, parseConfig, knownEnvironments, ENV_VARS, DEFAULT_ENVIRONMENT } from "./load";
export type { Config, ConfigInput } from "./schema";
