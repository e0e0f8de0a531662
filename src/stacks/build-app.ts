import { App } from "cdktf";
import type { Config } from "../config";
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
}

/**
 * Composes the stacks of one environment. Composition only: every decision lives in the
 * constructs and the config.
 */
export function buildApp(config: Config, outdir: string): BuiltApp {
  const app = new App({ outdir, skipValidation: false });
  const state = new StateStack(app, config);
  const network = new NetworkStack(app, config);
  return { app, stacks: [state, network], network, state };
}
