/**
 * Entry point for `npm run synth`, `cdktf synth` and `cdktf deploy`: read the configuration,
 * build the stacks, check them (policy pack and reachability proof), write cdktf.out. Everything
 * else lives under src/.
 */
import { ALL_ENVIRONMENTS, loadConfigs, requestedEnvironment } from "./src/config";
import { failure } from "./src/synth/exit";
import { helpRequested, printHelp } from "./src/synth/help";
import { log } from "./src/synth/log";
import { outdirFrom, synthesizeEnvironments } from "./src/synth/outdir";

function main(): number {
  const started = process.hrtime.bigint();
  const argv = process.argv.slice(2);
  // Before the configuration: help works whatever else the command line holds.
  if (helpRequested(argv)) {
    printHelp();
    return 0;
  }
  try {
    const sources = { argv, env: process.env };
    const outdir = outdirFrom(process.env);
    // Every environment is loaded and validated before anything is written.
    const configs = loadConfigs(sources);
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
