// Runs main.ts fast (see run-ts.mjs): esbuild strips the types into .build/main.cjs, then this
// same node process runs it.
import { runTypeScript } from "./run-ts.mjs";

await runTypeScript("main.ts", "main");
