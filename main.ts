/**
 * Entry point for `npm run synth`, `cdktf synth` and `cdktf deploy`: read the configuration,
 * build the stacks, check them (policy pack and reachability proof), write cdktf.out. Everything else lives under src/.
 */
import { ConfigErrors, loadConfig } from "./src/config";
import { PolicyViolations } from "./src/policy/engine";
import { log } from "./src/synth/log";
import { countResources, synthesize } from "./src/synth/pipeline";

function main(): number {
  const started = process.hrtime.bigint();
  try {
    const config = loadConfig({ argv: process.argv.slice(2), env: process.env });
    const outdir = process.env.CDKTF_OUTDIR ?? "cdktf.out";
    const result = synthesize(config, outdir);
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    const summary = Object.entries(result.stacks)
      .map(([name, json]) => `${name} (${countResources(json)} resources)`)
      .join(", ");
    log.info(
      `synthesized ${config.environment} to ${outdir}/stacks: ${summary} in ${elapsed.toFixed(0)} ms`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ConfigErrors) {
      log.error(error.message);
      return 2;
    }
    if (error instanceof PolicyViolations) {
      log.error(error.message);
      return 3;
    }
    log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}

process.exitCode = main();
