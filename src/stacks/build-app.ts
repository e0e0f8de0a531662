import { App } from "cdktf";
import type { Config } from "../config";
import type { AccountContext } from "../shared/account";
import { resourceName } from "../shared/naming";
import { AppStack, networkRefsOf } from "./app-stack";
import { TABLE_NAMES, type DataTierRefs, type TableName } from "./contracts";
import { NetworkStack } from "./network-stack";
import type { TierStack } from "./tier-stack";

export interface BuiltApp {
  readonly app: App;
  /** Every stack, in dependency order. */
  readonly stacks: readonly TierStack[];
  readonly network: NetworkStack;
  readonly appTier: AppStack;
}

/**
 * Composes the stacks of one environment. Composition only: every decision lives in the
 * constructs and the config.
 */
export function buildApp(config: Config, outdir: string): BuiltApp {
  const app = new App({ outdir, skipValidation: false });
  const network = new NetworkStack(app, config);
  // TEMPORARY until the data tier lands: replaced by dataStack.refs
  const data = placeholderDataRefs(config, network.account);
  const appStack = new AppStack(app, { config, network: networkRefsOf(network), data });
  return { app, stacks: [network, appStack], network, appTier: appStack };
}

/**
 * TEMPORARY until the data tier lands: replaced by dataStack.refs. Names and ARNs the data tier
 * is expected to create, derived from config, so the app tier synthesizes and plans on its own.
 * The account comes from another stack on purpose: like the real refs, these are cross-stack.
 */
export function placeholderDataRefs(config: Config, account: AccountContext): DataTierRefs {
  const tables = Object.fromEntries(
    TABLE_NAMES.map((name) => {
      const physical = resourceName(config, name);
      return [name, { name: physical, arn: account.arn("dynamodb", `table/${physical}`) }];
    }),
  ) as Record<TableName, { name: string; arn: string }>;
  return {
    tables,
    aurora: {
      clusterArn: account.arn("rds", `cluster:${resourceName(config, "aurora")}`),
      secretArn: account.arn("secretsmanager", `secret:rds!cluster-${resourceName(config)}-*`),
      databaseName: "sampledb",
    },
    dataKeyArn: account.arn("kms", `key/${resourceName(config, "data")}`),
    parameterPath: `/${config.namePrefix}/${config.environment}/data`,
  };
}
