// Runs the operations commands (src/ops/cli.ts) the way synth.mjs runs main.ts.
//   node scripts/ops.mjs atlantis | report | hcl [args]
import { runTypeScript } from "./run-ts.mjs";

await runTypeScript("src/ops/cli.ts", "ops");
