// Benchmark: how fast and how lean is `npm run synth`, against plain node running the same app
// precompiled by tsc, in one run on this machine. Prints figures; asserts nothing (speed goals
// are read by people, never enforced by timed tests).
//
//   npm run bench              5 runs of each command (median reported)
//   npm run bench -- --runs 9  more runs
//   npm run bench -- --cdktf   also time `cdktf synth` (adds ~5 s a run)
//   npm run bench -- --help    these lines; any other flag, or an unknown environment, exits 2
//   BENCH_ENVIRONMENTS=dev,prod npm run bench   only these environments (default: every known
//                              one, the built-in default plus config/environments/*.json)
// Each environment's table also times `npm run report` (its own row, not a synth).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = (line) => process.stdout.write(`${line}\n`);
/** A mistake on the command line: say what was given and what is allowed, exit 2, no stack. */
const refuse = (message) => {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
};

const FLAGS = "flags are --runs <n>, --cdktf, --help";
const USAGE = `usage: npm run bench [-- --runs <n>] [-- --cdktf]
  --runs <n>   runs of each command; the median is reported (1 to 50, default 5)
  --cdktf      also time \`cdktf synth\` (adds ~5 s a run)
  BENCH_ENVIRONMENTS=dev,prod   only these environments (default: every known one)`;

/** `--runs <n>` (or `--runs=<n>`), `--cdktf`, `--help`; anything else is refused. */
function parseFlags(args) {
  const flags = { runs: 5, cdktf: false };
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split(/=(.*)/s, 2);
    if (name === "--runs") {
      const value = inline ?? args[++i];
      flags.runs = Number(value);
      if (!Number.isInteger(flags.runs) || flags.runs < 1 || flags.runs > 50) {
        refuse(
          `--runs takes a whole number from 1 to 50, got ${JSON.stringify(value) ?? "nothing"}`,
        );
      }
    } else if (args[i] === "--cdktf") {
      flags.cdktf = true;
    } else if (args[i] === "--help" || args[i] === "-h") {
      out(USAGE);
      process.exit(0);
    } else {
      refuse(`unknown flag ${JSON.stringify(args[i])}; ${FLAGS}`);
    }
  }
  return flags;
}

const { runs, cdktf } = parseFlags(process.argv.slice(2));

const known = [
  "default",
  ...readdirSync(join(root, "config", "environments"))
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort(),
];
const environments = process.env.BENCH_ENVIRONMENTS?.split(",") ?? known;
const unknown = environments.filter((name) => !known.includes(name));
if (unknown.length > 0) {
  refuse(
    `BENCH_ENVIRONMENTS names unknown environment${unknown.length > 1 ? "s" : ""} ` +
      `${unknown.map((name) => JSON.stringify(name)).join(", ")}; known: ${known.join(", ")}`,
  );
}

out("compiling the app with tsc for the plain-node baseline ...");
execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });

/** Runs argv under /usr/bin/time; returns wall seconds and peak RSS in MiB. */
function measure(argv, env) {
  const outdir = mkdtempSync(join(tmpdir(), "bench-"));
  try {
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
    return { wall, rss: rssKb / 1024, stacks: stacks.length, resources };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
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
if (cdktf) {
  commands.push({ name: "cdktf synth (CLI)", argv: ["npx", "cdktf", "synth"] });
}
// Not a synth: the report renders in memory and writes Markdown and an SVG (Graphviz in wasm).
commands.push({ name: "npm run report", argv: ["npm", "run", "--silent", "report"] });

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
