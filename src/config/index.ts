export { ConfigError, ConfigErrors } from "./errors";
export {
  loadConfig,
  loadConfigs,
  parseConfig,
  knownEnvironments,
  ENV_VARS,
  DEFAULT_ENVIRONMENT,
  ALL_ENVIRONMENTS,
  requestedEnvironment,
} from "./load";
export type { Config, ConfigInput } from "./schema";
