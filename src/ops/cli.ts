/**
 * Entry of the operations commands (`npm run atlantis`, `npm run report`, `npm run synth:hcl`),
 * run by scripts/ops.mjs. Each renders in memory from the same app `npm run synth` builds.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfigs } from "../config";
import { failure } from "../synth/exit";
import { log } from "../synth/log";
import { ATLANTIS_FILE, atlantisYaml } from "./atlantis";
import { writeHcl } from "./hcl";
import { buildReport, REPORT_DIR, writeReport } from "./report";

type Command = (argv: readonly string[]) => Promise<void> | void;

const COMMANDS: Record<string, Command> = {
  /** `npm run synth:hcl [-- --env <env>|all]`: cdktf.out/hcl/<stack>/main.tf. */
  hcl: (argv) => {
    const outdir = process.env.CDKTF_OUTDIR ?? "cdktf.out";
    for (const config of loadConfigs({ argv, env: process.env })) {
      const files = writeHcl(config, outdir);
      log.info(`wrote ${config.environment} as HCL: ${files.join(", ")}`);
    }
  },
  atlantis: () => {
    const cwd = process.cwd();
    writeFileSync(join(cwd, ATLANTIS_FILE), atlantisYaml(cwd));
    log.info(`wrote ${ATLANTIS_FILE}`);
  },
  /** `npm run report [-- --env <env>|all]`: cdktf.out/report/<env>/report.md and diagrams. */
  report: async (argv) => {
    const outdir = process.env.CDKTF_OUTDIR ?? "cdktf.out";
    for (const config of loadConfigs({ argv, env: process.env })) {
      const folder = writeReport(
        await buildReport(config),
        join(outdir, REPORT_DIR),
        config.environment,
      );
      log.info(`wrote the ${config.environment} report to ${folder}/report.md`);
    }
  },
};

async function main(): Promise<number> {
  const [name, ...argv] = process.argv.slice(2);
  const command = COMMANDS[name];
  if (command === undefined) {
    log.error(`unknown command "${name}"; commands are ${Object.keys(COMMANDS).join(", ")}`);
    return 2;
  }
  try {
    await command(argv);
    return 0;
  } catch (error) {
    return failure(error);
  }
}

void main().then((code) => {
  process.exitCode = code;
});
