import type { Config } from "../config";
import { STACKS_DIR } from "../synth/outdir";
import { render, type Rendered, type TerraformJson } from "../synth/pipeline";

/** One synthesized stack as the operations tooling sees it. */
export interface StackNode {
  /** Stack name, `<tier>-<environment>`, also its directory under `cdktf.out/stacks`. */
  readonly name: string;
  readonly environment: string;
  /** Directory Terraform runs in, relative to the project root. */
  readonly dir: string;
  /** Names of the stacks whose outputs this one reads (cdktf's cross-stack dependencies). */
  readonly dependencies: readonly string[];
  /** True when the state lives in the S3 bucket; false for the bootstrap stack's local state. */
  readonly remoteState: boolean;
  /** 1 for a stack with no dependency, else one more than its deepest dependency. */
  readonly order: number;
  readonly json: TerraformJson;
}

/**
 * Renders each environment in memory and reads the stacks, their cross-stack dependencies and
 * their backends from the cdktf app itself, so a tier added to `buildApp` appears in Atlantis
 * and the report without a list to update. Stacks come back in dependency order.
 */
export function stackGraph(
  configs: readonly Config[],
  outdir = "cdktf.out",
  renderer: (config: Config, outdir: string) => Rendered = render,
): StackNode[] {
  const nodes: StackNode[] = [];
  for (const config of configs) {
    const { built, stacks } = renderer(config, outdir);
    const dependenciesOf = new Map(
      built.stacks.map((stack) => [
        stack.node.id,
        stack.dependencies.map((dependency) => dependency.node.id).sort(),
      ]),
    );
    const depth = (name: string): number =>
      1 + Math.max(0, ...(dependenciesOf.get(name) ?? []).map(depth));
    for (const [name, dependencies] of dependenciesOf) {
      const backend = (stacks[name].terraform?.backend ?? {}) as Record<string, unknown>;
      nodes.push({
        name,
        environment: config.environment,
        dir: `${outdir}/${STACKS_DIR}/${name}`,
        dependencies,
        remoteState: "s3" in backend,
        order: depth(name),
        json: stacks[name],
      });
    }
  }
  return nodes;
}
