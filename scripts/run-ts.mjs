// Runs a TypeScript entry fast: esbuild strips the types (about 30 ms; type-checking is `npm run
// lint`'s job) into .build/<name>.cjs, then the calling node process runs it. Packages stay
// external, so node loads exactly the deep-imported provider modules the entry names.
import { build } from "esbuild";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Bundles `entry` (relative to the project root) to .build/`name`.cjs and runs it. */
export async function runTypeScript(entry, name) {
  const outfile = join(root, ".build", `${name}.cjs`);
  const result = await build({
    entryPoints: [join(root, entry)],
    outfile,
    write: false,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
  });
  // Written under a temporary name and renamed: another run of the same command (tests, an
  // Atlantis plan next to a developer's synth) must never load a half-written bundle.
  mkdirSync(dirname(outfile), { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles[0].contents);
  renameSync(temporary, outfile);
  await import(pathToFileURL(outfile).href);
}
