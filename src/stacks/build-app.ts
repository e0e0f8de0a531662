import { App } from "cdktf";
import type { Config } from "../config";
import { AppStack, networkRefsOf } from "./app-stack";
import { DataStack, subnetRefsOf } from "./data-stack";
import { NetworkStack } from "./network-stack";
import { RegistryStack } from "./registry-stack";
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
  /** The image repositories; applied, and the images pushed, before the app stack. */
  readonly registry: RegistryStack;
  readonly appTier: AppStack;
}

/**
 * Composes the stacks of one environment. Composition only: every decision lives in the
 * constructs and the config. Each tier sees the one before it only through plain references
 * (ids and ARNs), which cdktf turns into outputs and `terraform_remote_state` lookups.
 */
export function buildApp(config: Config, outdir: string): BuiltApp {
  // No stack traces in construct metadata: nothing reads them, and capturing one per construct
  // is a measurable share of synth time.
  const app = new App({ outdir, skipValidation: false, stackTraces: false });
  const state = new StateStack(app, config);
  const network = new NetworkStack(app, config);
  const networkRefs = networkRefsOf(network);
  const data = new DataStack(app, config, {
    subnets: subnetRefsOf(network),
    auroraSecurityGroupId: networkRefs.securityGroups.aurora,
  });
  const registry = new RegistryStack(app, config);
  const appTier = new AppStack(app, {
    config,
    network: networkRefs,
    data: data.refs,
    registry: registry.refs,
  });
  return {
    app,
    stacks: [state, network, data, registry, appTier],
    network,
    data,
    registry,
    appTier,
    state,
  };
}
