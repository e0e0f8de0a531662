/**
 * Entry of the operations commands (`npm run atlantis`, `npm run report`, `npm run synth:hcl`),
 * run by scripts/ops.mjs. Each renders in memory from the same app `npm run synth` builds.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, ConfigErrors, knownEnvironments, loadConfigs } from "../config";
import { failure } from "../synth/exit";
import { helpRequested, printHelp } from "../synth/help";
import { log } from "../synth/log";
import { outdirFrom } from "../synth/outdir";
import { ATLANTIS_FILE, atlantisEnvironments, atlantisYaml } from "./atlantis";
import { writeHcl } from "./hcl";
import { writeReports } from "./report";

interface Command {
  /** One line for the usage: flags, then what it does. */
  readonly summary: string;
  run(argv: readonly string[]): Promise<void> | void;
}

const COMMANDS: Record<string, Command> = {
  atlantis: {
    summary: "regenerate atlantis.yaml; always every environment with a file, no flags",
    run: (argv) => {
      const cwd = process.cwd();
      refuseEnvironmentChoice(argv, atlantisEnvironments(knownEnvironments(cwd)));
      writeFileSync(join(cwd, ATLANTIS_FILE), atlantisYaml(cwd));
      log.info(`wrote ${ATLANTIS_FILE}`);
    },
  },
  report: {
    summary: "[--env <env>|all] [--config <file>]  ops report, cdktf.out/report/<env>/",
    run: async (argv) => {
      const outdir = outdirFrom(process.env);
      const configs = loadConfigs({ argv, env: process.env });
      for (const folder of await writeReports(configs, outdir)) {
        log.info(`wrote ${folder}/report.md`);
      }
    },
  },
  hcl: {
    summary: "[--env <env>|all] [--config <file>]  every stack as HCL, cdktf.out/hcl/<stack>/",
    run: async (argv) => {
      const outdir = outdirFrom(process.env);
      for (const config of loadConfigs({ argv, env: process.env })) {
        const files = await writeHcl(config, outdir);
        log.info(`wrote ${config.environment} as HCL: ${files.join(", ")}`);
      }
    },
  },
};

/**
 * atlantis.yaml describes every environment with a file, so a flag or variable choosing one would
 * be silently ignored; it is refused instead.
 */
function refuseEnvironmentChoice(argv: readonly string[], environments: readonly string[]): void {
  const covers = `atlantis always covers every environment with a file (${environments.join(", ")})`;
  const errors: ConfigError[] = [];
  if (argv.length > 0) {
    errors.push(new ConfigError("CFG_ATLANTIS_ARGS", "argv", argv, `${covers} and takes no flags`));
  }
  for (const name of ["AGENTCORE_ENV", "AGENTCORE_CONFIG"]) {
    const value = process.env[name];
    if (value !== undefined) {
      errors.push(new ConfigError("CFG_ATLANTIS_ARGS", name, value, `${covers}; unset it`));
    }
  }
  if (errors.length > 0) throw new ConfigErrors(errors);
}

function usage(): string {
  return [
    "usage: node scripts/ops.mjs <command> [flags]   (npm run atlantis | report | synth:hcl)",
    "commands:",
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)}${command.summary}`),
    `  ${"--help".padEnd(10)}every command of the project (the help file)`,
  ].join("\n");
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (helpRequested(args)) {
    printHelp();
    return 0;
  }
  const [name, ...argv] = args;
  if (name === undefined || !Object.hasOwn(COMMANDS, name)) {
    log.error(name === undefined ? "no command given" : `unknown command "${name}"`);
    log.info(usage());
    return 2;
  }
  try {
    await COMMANDS[name].run(argv);
    return 0;
  } catch (error) {
    return failure(error);
  }
}

void main().then((code) => {
  process.exitCode = code;
});
