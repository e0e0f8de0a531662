/**
 * Entry point for `npm run synth`, `cdktf synth` and `cdktf deploy`: read the configuration,
 * build the stacks, check them (policy pack and reachability proof), write cdktf.out. Everything
 * else lives under src/.
 */
import { ALL_ENVIRONMENTS, loadConfigs, requestedEnvironment } from "./src/config";
import { failure } from "./src/synth/exit";
import { log } from "./src/synth/log";
import { synthesizeEnvironments } from "./src/synth/outdir";

function main(): number {
  const started = process.hrtime.bigint();
  try {
    const sources = { argv: process.argv.slice(2), env: process.env };
    // Every environment is loaded and validated before anything is written.
    const configs = loadConfigs(sources);
    const outdir = process.env.CDKTF_OUTDIR ?? "cdktf.out";
    const all = requestedEnvironment(sources) === ALL_ENVIRONMENTS;
    synthesizeEnvironments(configs, outdir, all);
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    log.info(`done in ${elapsed.toFixed(0)} ms`);
    return 0;
  } catch (error) {
    return failure(error);
  }
}

process.exitCode = main();
