// Runs main.ts fast: esbuild strips the types (about 30 ms; type-checking is `npm run lint`'s
// job) into .build/main.cjs, then this same node process runs it. Packages stay external, so
// node loads exactly the deep-imported provider modules main.ts names and nothing more.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, ".build", "main.cjs");

await build({
  entryPoints: [join(root, "main.ts")],
  outfile,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "cjs",
  target: "node20",
  logLevel: "warning",
});
await import(pathToFileURL(outfile).href);
