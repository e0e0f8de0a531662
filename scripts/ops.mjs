// Runs the operations commands (src/ops/cli.ts) the way scripts/synth.mjs runs main.ts: esbuild
// strips the types into .build/ops.cjs (packages stay external), then this process runs it.
//   node scripts/ops.mjs atlantis | report | hcl [args]
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, ".build", "ops.cjs");

await build({
  entryPoints: [join(root, "src", "ops", "cli.ts")],
  outfile,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "cjs",
  target: "node20",
  logLevel: "warning",
});
await import(pathToFileURL(outfile).href);
