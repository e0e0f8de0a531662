import { App } from "cdktf";
import type { Config } from "../config";
import { NetworkStack } from "./network-stack";
import type { TierStack } from "./tier-stack";

export interface BuiltApp {
  readonly app: App;
  /** Every stack, in dependency order. */
  readonly stacks: readonly TierStack[];
  readonly network: NetworkStack;
}

/**
 * Composes the stacks of one environment. Composition only: every decision lives in the
 * constructs and the config.
 */
export function buildApp(config: Config, outdir: string): BuiltApp {
  const app = new App({ outdir, skipValidation: false });
  const network = new NetworkStack(app, config);
  return { app, stacks: [network], network };
}
