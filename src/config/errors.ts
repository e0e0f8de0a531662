/**
 * The one error type for bad input. Every message names the stable code, the field path, the
 * value that was given and what is allowed, so a reviewer can fix the config without reading code.
 */
export class ConfigError extends Error {
  constructor(
    /** Stable, greppable code, e.g. `CFG_SUBNET_OUTSIDE_VPC`. Never reuse a code for another meaning. */
    readonly code: string,
    /** Dotted path of the offending field, e.g. `network.subnets[1].cidr`. */
    readonly field: string,
    /** The value as given (rendered with JSON.stringify). */
    readonly value: unknown,
    /** What would be accepted, written as advice. */
    readonly allowed: string,
  ) {
    super(`[${code}] ${field}: got ${render(value)}; ${allowed}`);
    this.name = "ConfigError";
  }
}

/** Several config errors reported at once, so a user fixes them all in one round trip. */
export class ConfigErrors extends Error {
  constructor(readonly errors: readonly ConfigError[]) {
    super(
      `invalid configuration (${errors.length} problem${errors.length === 1 ? "" : "s"}):\n` +
        errors.map((e) => `  - ${e.message}`).join("\n"),
    );
    this.name = "ConfigErrors";
  }
}

function render(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
