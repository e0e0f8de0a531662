import { ConfigErrors, parseConfig } from "../../src/config";
import type { ConfigError } from "../../src/config/errors";

/**
 * The configuration errors `input` raises, in order. Throws when the input parses, so a
 * validation that stops firing fails its test instead of passing vacuously.
 */
export function configErrors(input: unknown): readonly ConfigError[] {
  try {
    parseConfig(input);
  } catch (error) {
    if (error instanceof ConfigErrors) return error.errors;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}
