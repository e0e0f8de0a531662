import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { zipSync } from "fflate";
import type { ToolFunctionName } from "../config/schema/app";

/** Where the zips are written before cdktf copies them into the stack's asset folder. */
export const BUNDLE_DIR = join(".build", "lambdas");

/** The file inside each zip; the function's handler is `index.handler`. */
export const ENTRY_FILE = "index.mjs";
export const HANDLER = "index.handler";

/**
 * Every zip entry carries this modification time, so the bytes depend on the source only.
 * Built from local-time parts on purpose: fflate encodes DOS times from local-time getters, so a
 * UTC timestamp would give different bytes in different time zones. 1980-01-01 is DOS's epoch.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** Unix mode rw-r--r-- in the high 16 bits, with `os: 3` (Unix), as Lambda expects. */
const FILE_ATTRIBUTES = { os: 3, attrs: 0o644 << 16, mtime: FIXED_MTIME, level: 9 } as const;

export interface Bundle {
  /** The zip file's bytes. */
  readonly zip: Uint8Array;
  /** base64 SHA-256 of the zip: Lambda's `source_code_hash` and `CodeSha256`. */
  readonly sha256: string;
}

/**
 * Bundles one tool's handler into a zip, in memory, deterministically: same source → same bytes.
 *
 * esbuild bundles `src/lambdas/<name>/handler.ts` and its imports into one ES module. The AWS SDK
 * v3 stays external: the nodejs20.x/22.x runtimes ship it, which keeps the zip a few KB and the
 * bundle step in the tens of milliseconds (it runs on every synth). Paths in the output are
 * relative to `root`, so the bytes do not depend on where the repository is checked out.
 */
export function bundleFunction(name: ToolFunctionName, root = process.cwd()): Bundle {
  const entry = join("src", "lambdas", name, "handler.ts");
  if (!existsSync(join(root, entry))) {
    throw new Error(`no handler at ${entry} under ${root}; run synth from the project root`);
  }
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["@aws-sdk/*"],
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
    outfile: ENTRY_FILE,
  });
  const code = result.outputFiles[0].contents;
  const zip = zipSync({ [ENTRY_FILE]: [code, FILE_ATTRIBUTES] });
  return { zip, sha256: createHash("sha256").update(zip).digest("base64") };
}

export interface BundleFile extends Bundle {
  /** Path of the zip, relative to the project root. */
  readonly path: string;
}

const written = new Map<string, BundleFile>();

/**
 * {@link bundleFunction}, written to `.build/lambdas/<name>.zip` (atomically: test workers may
 * synthesize in parallel) and remembered for the rest of the process, so a test run that
 * synthesizes many times bundles each function once.
 */
export function bundleFunctionToFile(name: ToolFunctionName, root = process.cwd()): BundleFile {
  const cached = written.get(`${root}\0${name}`);
  if (cached) return cached;
  const bundle = bundleFunction(name, root);
  const path = join(BUNDLE_DIR, `${name}.zip`);
  const target = join(root, path);
  const unchanged = existsSync(target) && readFileSync(target).equals(bundle.zip);
  if (!unchanged) {
    mkdirSync(join(root, BUNDLE_DIR), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, bundle.zip);
    renameSync(temporary, target);
  }
  const file = { ...bundle, path };
  written.set(`${root}\0${name}`, file);
  return file;
}
