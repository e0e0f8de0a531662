import { ConfigErrors } from "../config/errors";
import { PolicyViolations } from "../policy/engine";
import { log } from "./log";

/**
 * Logs a command's failure and returns its exit code: 2 for bad configuration (the user's to
 * fix, nothing was written), 3 for a policy-pack or reachability failure (nothing written),
 * 1 for anything else (with the stack, for a bug report).
 */
export function failure(error: unknown): number {
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
