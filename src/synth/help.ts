import { readFileSync } from "node:fs";
import { join } from "node:path";
import { log } from "./log";

/** The file at the project root that lists every command of the project. */
export const HELP_FILE = "help";

/**
 * True when `--help` (or `-h`) stands anywhere among the arguments. The entry points check it
 * before loading the configuration, so help works whatever else the command line holds.
 */
export function helpRequested(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === "--help" || arg === "-h");
}

/** Prints the help file on stdout; `cwd` is the project root, where npm runs every script. */
export function printHelp(cwd = process.cwd()): void {
  log.out(readFileSync(join(cwd, HELP_FILE), "utf8"));
}
