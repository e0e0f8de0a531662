import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config";
import { ConfigError, ConfigErrors } from "../config/errors";
import { KEBAB_NAME } from "../config/schema/common";
import { TIERS } from "../stacks/tier-stack";
import { log } from "./log";
import { countResources, synthesize } from "./pipeline";

/**
 * How `cdktf.out` holds several environments at once.
 *
 * Stack directories are `stacks/<tier>-<environment>`. A synth of environment X rewrites X's
 * stack files in place and removes X's directories that it no longer produces (a tier that was
 * removed), and never touches another environment's directories. That matters for Atlantis: the
 * projects of one pull request share a checkout, and each keeps its plan file in its stack
 * directory until apply, so a synth of prod must not delete dev's plans. `--env all` also
 * removes directories of environments that no longer exist. Only a directory named
 * `<tier>-<environment>` for a known tier is ever removed, so a directory of someone else's
 * (`stacks/my-own-dir`) survives every synth; one holding a `.tfstate` file is never removed.
 */
export const STACKS_DIR = "stacks";

/** Where synth and the ops commands write when CDKTF_OUTDIR is unset. */
export const DEFAULT_OUTDIR = "cdktf.out";

/**
 * The output directory: CDKTF_OUTDIR (the cdktf CLI sets it), else `cdktf.out`. An empty value
 * is an error: it would otherwise mean the current directory, or fail later as a raw ENOENT.
 */
export function outdirFrom(env: Readonly<Record<string, string | undefined>>): string {
  const outdir = env.CDKTF_OUTDIR;
  if (outdir === undefined) return DEFAULT_OUTDIR;
  if (outdir.trim() === "") {
    throw new ConfigErrors([
      new ConfigError(
        "CFG_ENV_EMPTY",
        "CDKTF_OUTDIR",
        outdir,
        `unset it (the default is ${DEFAULT_OUTDIR}) or name a directory`,
      ),
    ]);
  }
  return outdir;
}

/**
 * The environment of a stack directory named `<tier>-<environment>` for a known tier, or
 * undefined for any other name: such a directory is not ours to remove.
 */
export function environmentOfStack(stackName: string): string | undefined {
  const tier = TIERS.find((name) => stackName.startsWith(`${name}-`));
  const environment = tier === undefined ? undefined : stackName.slice(tier.length + 1);
  return environment !== undefined && KEBAB_NAME.test(environment) ? environment : undefined;
}

export interface PruneOptions {
  /** Environments this run synthesized. */
  readonly environments: readonly string[];
  /** Stack names this run wrote. */
  readonly written: readonly string[];
  /** True for `--env all`: directories of environments not synthesized are stale too. */
  readonly allEnvironments: boolean;
}

/** Removes stale stack directories (see above); returns their names, sorted. */
export function pruneStaleStacks(outdir: string, options: PruneOptions): string[] {
  const stacksDir = join(outdir, STACKS_DIR);
  if (!existsSync(stacksDir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(stacksDir).sort()) {
    if (options.written.includes(name)) continue;
    const environment = environmentOfStack(name);
    if (environment === undefined) continue;
    if (!options.environments.includes(environment) && !options.allEnvironments) continue;
    const dir = join(stacksDir, name);
    if (readdirSync(dir).some((file) => file.endsWith(".tfstate"))) {
      log.warn(`kept stale stack directory ${dir}: it holds a .tfstate file; move it, then delete`);
      continue;
    }
    rmSync(dir, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

interface ManifestFile {
  readonly version?: string;
  readonly stacks?: Record<string, unknown>;
}

/**
 * Rewrites `manifest.json` to list every stack directory on disk: cdktf writes one manifest per
 * app, so after `--env dev` then `--env prod` it would name prod's stacks only. `previous` is
 * the manifest as it was before this run; entries are sorted by stack name.
 */
export function mergeManifest(outdir: string, previous: ManifestFile): void {
  const path = join(outdir, "manifest.json");
  const current = readManifest(outdir);
  const merged: Record<string, unknown> = {};
  const onDisk = new Set(
    existsSync(join(outdir, STACKS_DIR)) ? readdirSync(join(outdir, STACKS_DIR)) : [],
  );
  for (const source of [previous.stacks ?? {}, current.stacks ?? {}]) {
    for (const [name, entry] of Object.entries(source)) {
      if (onDisk.has(name)) merged[name] = entry;
    }
  }
  const stacks = Object.fromEntries(
    Object.keys(merged)
      .sort()
      .map((n) => [n, merged[n]]),
  );
  writeFileSync(path, `${JSON.stringify({ version: current.version, stacks }, null, 2)}\n`);
}

/** The manifest in `outdir`, or an empty one. */
export function readManifest(outdir: string): ManifestFile {
  const path = join(outdir, "manifest.json");
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8")) as ManifestFile;
  } catch {
    return {};
  }
}

/**
 * Synthesizes each environment into `outdir` in turn, then prunes stale stack directories and
 * keeps `manifest.json` listing what is on disk. Returns the stack names written.
 */
export function synthesizeEnvironments(
  configs: readonly Config[],
  outdir: string,
  allEnvironments: boolean,
): string[] {
  const written: string[] = [];
  for (const config of configs) {
    const previous = readManifest(outdir);
    const result = synthesize(config, outdir);
    mergeManifest(outdir, previous);
    written.push(...Object.keys(result.stacks));
    const summary = Object.entries(result.stacks)
      .map(([name, json]) => `${name} (${countResources(json)} resources)`)
      .join(", ");
    log.info(`synthesized ${config.environment} to ${outdir}/${STACKS_DIR}: ${summary}`);
  }
  const environments = configs.map((config) => config.environment);
  const removed = pruneStaleStacks(outdir, { environments, written, allEnvironments });
  if (removed.length > 0) {
    mergeManifest(outdir, {});
    log.info(`removed stale stack directories: ${removed.join(", ")}`);
  }
  return written;
}
