import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { format } from "@cdktf/hcl-tools";
import type { Config } from "../config";
import { STACKS_DIR } from "../synth/outdir";
import { renderChecked, type Checked } from "../synth/pipeline";

/**
 * Where `npm run synth:hcl` writes: `cdktf.out/hcl/<stack>/main.tf`, next to, never inside,
 * `cdktf.out/stacks` (Terraform reads every `.tf` and `.tf.json` in a directory, so the two
 * forms side by side would declare every resource twice).
 */
export const HCL_DIR = "hcl";

/** The folder of a stack's cdktf assets (the Lambda zips), which its `filename`s point into. */
const ASSETS_DIR = "assets";

/**
 * Every stack as HCL, by stack name, formatted by HashiCorp's `hclwrite.Format` (what
 * `terraform fmt` uses; Go compiled to WebAssembly in `@cdktf/hcl-tools`, offline): cdktf's
 * `toHclTerraform` writes no indentation at all.
 */
async function formattedHcl({ built }: Checked): Promise<Record<string, string>> {
  const hcl: Record<string, string> = {};
  for (const stack of built.stacks) {
    hcl[stack.node.id] = await format(String(stack.toHclTerraform().hcl));
  }
  return hcl;
}

/**
 * Every stack of one environment as HCL, by stack name: the exit path from CDKTF that keeps the
 * generated configuration in the form people edit by hand. Rendered from the same prepared
 * stacks as the JSON, after the same policy checks as synth (a failing check throws).
 */
export async function renderHcl(config: Config): Promise<Record<string, string>> {
  return formattedHcl(renderChecked(config));
}

/**
 * Writes {@link renderHcl} under `<outdir>/hcl/<stack>/`, each stack a complete root module:
 * `main.tf` and the assets its resources name (`filename = "assets/<id>/<hash>/<name>.zip"`,
 * relative to the module). Returns the `main.tf` files written.
 */
export async function writeHcl(config: Config, outdir: string): Promise<string[]> {
  // cdktf copies assets only while it synthesizes, next to each stack's JSON; synthesize into a
  // scratch folder and take them from there, so the zips are exactly the ones the JSON names.
  const staging = mkdtempSync(join(tmpdir(), "agentcore-hcl-staging-"));
  try {
    const checked = renderChecked(config, staging);
    const hcl = await formattedHcl(checked);
    checked.built.app.synth();
    return Object.entries(hcl).map(([stack, text]) => {
      const dir = join(outdir, HCL_DIR, stack);
      // Assets of an earlier run sit under other hashes; only the current ones are named.
      rmSync(join(dir, ASSETS_DIR), { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "main.tf"), text);
      const assets = join(staging, STACKS_DIR, stack, ASSETS_DIR);
      if (existsSync(assets)) cpSync(assets, join(dir, ASSETS_DIR), { recursive: true });
      return join(dir, "main.tf");
    });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
