import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config";
import { render } from "../synth/pipeline";

/**
 * Where `npm run synth:hcl` writes: `cdktf.out/hcl/<stack>/main.tf`, next to, never inside,
 * `cdktf.out/stacks` (Terraform reads every `.tf` and `.tf.json` in a directory, so the two
 * forms side by side would declare every resource twice).
 */
export const HCL_DIR = "hcl";

/**
 * Every stack of one environment as HCL, by stack name. cdktf renders HCL from the same
 * prepared stacks as the JSON (`toHclTerraform`), offline: the exit path from CDKTF that keeps
 * the generated configuration, in the form people edit by hand.
 */
export function renderHcl(config: Config): Record<string, string> {
  const { built } = render(config);
  return Object.fromEntries(
    built.stacks.map((stack) => [stack.node.id, String(stack.toHclTerraform().hcl)]),
  );
}

/** Writes {@link renderHcl} under `<outdir>/hcl/`; returns the files written. */
export function writeHcl(config: Config, outdir: string): string[] {
  return Object.entries(renderHcl(config)).map(([stack, hcl]) => {
    const dir = join(outdir, HCL_DIR, stack);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "main.tf"), hcl);
    return join(dir, "main.tf");
  });
}
