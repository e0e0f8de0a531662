// Benchmark: how fast and how lean is `npm run synth`, against plain node running the same app
// precompiled by tsc, in one run on this machine. Prints figures; asserts nothing (speed goals
// are read by people, never enforced by timed tests).
//
//   npm run bench              5 runs of each command (median reported)
//   npm run bench -- --runs 9  more runs
//   npm run bench -- --cdktf   also time `cdktf synth` (adds ~5 s a run)
//   BENCH_ENVIRONMENTS=dev,prod npm run bench   only these environments (default: every known
//                              one, the built-in default plus config/environments/*.json)
// Each environment's table also times `npm run report` (its own row, not a synth).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const runsIndex = args.indexOf("--runs");
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 5;
if (!Number.isInteger(runs) || runs < 1 || runs > 50) {
  process.stderr.write(`--runs must be a whole number from 1 to 50, got ${args[runsIndex + 1]}\n`);
  process.exit(2);
}
const out = (line) => process.stdout.write(`${line}\n`);

out("compiling the app with tsc for the plain-node baseline ...");
execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });

/** Runs argv under /usr/bin/time; returns wall seconds and peak RSS in MiB. */
function measure(argv, env) {
  const outdir = mkdtempSync(join(tmpdir(), "bench-"));
  const result = spawnSync("/usr/bin/time", ["-f", "%e %M", ...argv], {
    cwd: root,
    env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: "1", ...env },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`${argv.join(" ")} failed:\n${result.stderr}`);
  }
  const [wall, rssKb] = result.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  const stacks = existsSync(join(outdir, "stacks")) ? readdirSync(join(outdir, "stacks")) : [];
  let resources = 0;
  for (const stack of stacks) {
    const json = JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
    for (const byName of Object.values(json.resource ?? {}))
      resources += Object.keys(byName).length;
  }
  rmSync(outdir, { recursive: true, force: true });
  return { wall, rss: rssKb / 1024, stacks: stacks.length, resources };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const commands = [
  { name: "plain node, precompiled (baseline)", argv: ["node", ".build/tsc/main.js"] },
  { name: "npm run synth", argv: ["npm", "run", "--silent", "synth"] },
  { name: "node --import tsx main.ts", argv: ["node", "--import", "tsx", "main.ts"] },
];
if (args.includes("--cdktf")) {
  commands.push({ name: "cdktf synth (CLI)", argv: ["npx", "cdktf", "synth"] });
}
// Not a synth: the report renders in memory and writes Markdown and an SVG (Graphviz in wasm).
commands.push({ name: "npm run report", argv: ["npm", "run", "--silent", "report"] });

const known = [
  "default",
  ...readdirSync(join(root, "config", "environments"))
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort(),
];
const environments = process.env.BENCH_ENVIRONMENTS?.split(",") ?? known;
for (const environment of environments) {
  out(`\nenvironment ${environment}: ${runs} runs each, medians`);
  out("| command | wall (s) | peak RSS (MiB) | x baseline | stacks | resources |");
  out("|---|---|---|---|---|---|");
  let baseline;
  for (const command of commands) {
    const samples = [];
    for (let i = 0; i < runs; i++)
      samples.push(measure(command.argv, { AGENTCORE_ENV: environment }));
    const wall = median(samples.map((s) => s.wall));
    const rss = median(samples.map((s) => s.rss));
    baseline ??= wall;
    const { stacks, resources } = samples[0];
    const counts = stacks > 0 ? `${stacks} | ${resources}` : "— | —";
    out(
      `| ${command.name} | ${wall.toFixed(2)} | ${rss.toFixed(0)} | ${(wall / baseline).toFixed(2)} | ${counts} |`,
    );
  }
}
