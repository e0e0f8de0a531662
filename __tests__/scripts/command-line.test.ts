import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scratchDirs } from "../support/scratch";

/**
 * The commands as people type them, each in its own node process: exit codes, what goes to
 * stdout and stderr, and what gets written. Every process writes below a scratch
 * CDKTF_OUTDIR, never to the checkout's cdktf.out.
 */
const ROOT = join(__dirname, "..", "..");
const HELP = readFileSync(join(ROOT, "help"), "utf8");
const scratch = scratchDirs("agentcore-cli-");

/** A stack trace line: what a user must never see for a mistake of theirs. */
const STACK_TRACE = /^\s+at /m;

function run(script: string, args: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join("scripts", script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", CHECKPOINT_DISABLE: "1", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run synth (main.ts)", () => {
  it("prints the help file and exits 0 for --help, wherever it stands", () => {
    for (const args of [["--help"], ["--env", "dev", "--help"]]) {
      const result = run("synth.mjs", args, { CDKTF_OUTDIR: scratch() });
      expect(result).toMatchObject({ code: 0, stdout: HELP });
    }
  });

  it("rejects an empty CDKTF_OUTDIR with a configuration error, not a raw ENOENT", () => {
    const result = run("synth.mjs", [], { CDKTF_OUTDIR: "" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[CFG_ENV_EMPTY] CDKTF_OUTDIR: got ""');
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });
});

describe("node scripts/ops.mjs (atlantis, report, hcl)", () => {
  const USAGE = /usage: node scripts\/ops\.mjs <command>[\s\S]*atlantis[\s\S]*report[\s\S]*hcl/;

  it("prints the usage, listing every command, and exits 2 when no command is given", () => {
    const result = run("ops.mjs", []);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: no command given");
    expect(result.stderr).toMatch(USAGE);
  });

  it("names an unknown command, prints the usage and exits 2", () => {
    const result = run("ops.mjs", ["reprot"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: unknown command "reprot"');
    expect(result.stderr).toMatch(USAGE);
  });

  it("prints the help file and exits 0 for --help, with or without a command", () => {
    for (const args of [["--help"], ["report", "--env", "dev", "--help"]]) {
      const result = run("ops.mjs", args, { CDKTF_OUTDIR: scratch() });
      expect(result).toMatchObject({ code: 0, stdout: HELP });
    }
  });

  it("refuses --env or AGENTCORE_ENV for atlantis, which always covers every environment with a file", () => {
    const before = statSync(join(ROOT, "atlantis.yaml")).mtimeMs;
    const result = run("ops.mjs", ["atlantis", "--env", "dev"], { AGENTCORE_ENV: "dev" });
    expect(result.code).toBe(2);
    const covers = "atlantis always covers every environment with a file (dev, prod)";
    expect(result.stderr).toContain(
      `[CFG_ATLANTIS_ARGS] argv: got ["--env","dev"]; ${covers} and takes no flags`,
    );
    expect(result.stderr).toContain(
      `[CFG_ATLANTIS_ARGS] AGENTCORE_ENV: got "dev"; ${covers}; unset it`,
    );
    expect(statSync(join(ROOT, "atlantis.yaml")).mtimeMs).toBe(before);
  });

  it("report refuses, as synth does, a configuration whose policy fails: exit 3, nothing written", () => {
    const dir = scratch();
    const config = join(dir, "no-suppressions.json");
    writeFileSync(config, JSON.stringify({ policy: { suppressions: [] } }));
    const outdir = join(dir, "out");
    const result = run("ops.mjs", ["report", "--config", config], { CDKTF_OUTDIR: outdir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("policy check failed (2 errors)");
    expect(result.stderr).toContain("[IAM-004]");
    expect(existsSync(join(outdir, "report"))).toBe(false);
  });

  it("rejects an empty CDKTF_OUTDIR with a configuration error instead of writing to the cwd", () => {
    const result = run("ops.mjs", ["report"], { CDKTF_OUTDIR: "" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[CFG_ENV_EMPTY] CDKTF_OUTDIR: got ""');
    expect(existsSync(join(ROOT, "report"))).toBe(false);
  });
});

describe("npm run bench", () => {
  it("rejects an unknown flag, listing the flags it takes, before measuring anything", () => {
    const result = run("bench.mjs", ["--run", "9"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown flag "--run"; flags are --runs <n>, --cdktf, --help');
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stdout).not.toContain("compiling");
  });

  it("rejects an unknown BENCH_ENVIRONMENTS name, listing the known ones", () => {
    const result = run("bench.mjs", [], { BENCH_ENVIRONMENTS: "dev,staging" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'BENCH_ENVIRONMENTS names unknown environment "staging"; known: default, dev, prod',
    );
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });
});
