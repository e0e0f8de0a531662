import type { Config } from "../config";

/**
 * AWS resource names: `<namePrefix>-<environment>-<parts...>`, e.g. `cs-agent-dev-vpc`.
 * Names are what people see in the console; Terraform addresses are derived separately from
 * construct ids (see TierStack.allocateLogicalId) and never from these.
 */
export function resourceName(config: Config, ...parts: string[]): string {
  return [config.namePrefix, config.environment, ...parts].join("-");
}

/** Log-group and SSM-parameter paths: `/<namePrefix>/<environment>/<parts...>`. */
export function resourcePath(config: Config, ...parts: string[]): string {
  return `/${[config.namePrefix, config.environment, ...parts].join("/")}`;
}
