import { App } from "cdktf";
import type { Config } from "../config";
import { DataStack } from "./data-stack";
import { NetworkStack } from "./network-stack";
import type { TierStack } from "./tier-stack";

export interface BuiltApp {
  readonly app: App;
  /** Every stack, in dependency order. */
  readonly stacks: readonly TierStack[];
  readonly network: NetworkStack;
  readonly data: DataStack;
}

/**
 * Composes the stacks of one environment. Composition only: every decision lives in the
 * constructs and the config.
 */
export function buildApp(config: Config, outdir: string): BuiltApp {
  const app = new App({ outdir, skipValidation: false });
  const network = new NetworkStack(app, config);
  const data = new DataStack(app, config, {
    subnetIds: {
      "agent-runtime": network.network.subnets["agent-runtime"].id,
      data: network.network.subnets.data.id,
      "mcp-runtime": network.network.subnets["mcp-runtime"].id,
    },
    auroraSecurityGroupId: network.securityGroups.groups.aurora.id,
  });
  return { app, stacks: [network, data], network, data };
}
