import { App } from "cdktf";
import type { Config } from "../config";
import { DataStack } from "./data-stack";
import { NetworkStack } from "./network-stack";
import { StateStack } from "./state-stack";
import type { TierStack } from "./tier-stack";

export interface BuiltApp {
  readonly app: App;
  /** Every stack, in dependency order. */
  readonly stacks: readonly TierStack[];
  readonly network: NetworkStack;
  /** The bootstrap stack creating the state bucket; applied first, by hand (README). */
  readonly state: StateStack;
  readonly data: DataStack;
}

/**
 * Composes the stacks of one environment. Composition only: every decision lives in the
 * constructs and the config.
 */
export function buildApp(config: Config, outdir: string): BuiltApp {
  const app = new App({ outdir, skipValidation: false });
  const state = new StateStack(app, config);
  const network = new NetworkStack(app, config);
  const data = new DataStack(app, config, {
    subnetIds: {
      "agent-runtime": network.network.subnets["agent-runtime"].id,
      data: network.network.subnets.data.id,
      "mcp-runtime": network.network.subnets["mcp-runtime"].id,
    },
    auroraSecurityGroupId: network.securityGroups.groups.aurora.id,
  });
  return { app, stacks: [state, network, data], network, data, state };
}
