import { ConfigErrors } from "../config/errors";
import { log } from "./log";

/**
 * Logs a command's failure and returns its exit code: 2 for bad configuration (the user's to
 * fix, nothing was written), 1 for anything else (with the stack, for a bug report).
 */
export function failure(error: unknown): number {
  if (error instanceof ConfigErrors) {
    log.error(error.message);
    return 2;
  }
  log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return 1;
}
