import type { Config } from "../config";
import { enforcePolicy, type PolicyResult } from "../policy/engine";
import { buildApp, type BuiltApp } from "../stacks/build-app";

/** The synthesized JSON of one stack, as Terraform reads it. */
export type TerraformJson = Record<string, unknown> & {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, Record<string, unknown>>;
  terraform?: Record<string, unknown>;
};

export interface Rendered {
  readonly built: BuiltApp;
  /** Stack name → synthesized JSON, in dependency order. */
  readonly stacks: Readonly<Record<string, TerraformJson>>;
}

/**
 * Builds the app and renders every stack to Terraform JSON in memory, without writing a file.
 * Tests, the policy checks and the report all start from this, so they see exactly the JSON that
 * `synthesize` writes.
 */
export function render(config: Config, outdir = "cdktf.out"): Rendered {
  const built = buildApp(config, outdir);
  // Cross-stack references add outputs and remote-state lookups while stacks are prepared, so
  // every stack is prepared before any is rendered.
  for (const stack of built.stacks) stack.prepareStack();
  const stacks: Record<string, TerraformJson> = {};
  for (const stack of built.stacks) {
    stacks[stack.node.id] = stack.toTerraform() as TerraformJson;
  }
  return { built, stacks };
}

export interface Checked extends Rendered {
  /** What the policy pack and the reachability proof found (warnings and suppressions). */
  readonly policy: PolicyResult;
}

/**
 * {@link render}, then the synth-time checks: where every command that writes something
 * deployable or reviewable starts (synth, `synth:hcl`, the report), so none of them writes for
 * a configuration synth would refuse. Throws PolicyViolations (exit 3), or ConfigErrors for a
 * stale suppression (exit 2).
 */
export function renderChecked(config: Config, outdir = "cdktf.out"): Checked {
  const rendered = render(config, outdir);
  // The policy pack and the reachability proof read the rendered JSON (src/policy/engine.ts
  // explains why JSON, not an Aspect).
  return { ...rendered, policy: enforcePolicy(rendered.stacks, config) };
}

export interface SynthResult extends Checked {
  readonly outdir: string;
}

/**
 * Renders, runs the synth-time checks, and only then writes `cdktf.out`. A failing check
 * throws before any file is written.
 */
export function synthesize(config: Config, outdir: string): SynthResult {
  const checked = renderChecked(config, outdir);
  checked.built.app.synth();
  return { ...checked, outdir };
}

/** Counts resources and data sources per stack, for logs and the benchmark. */
export function countResources(json: TerraformJson): number {
  return Object.values(json.resource ?? {}).reduce(
    (total, byName) => total + Object.keys(byName).length,
    0,
  );
}
