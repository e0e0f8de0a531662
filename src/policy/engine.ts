/**
 * The policy engine: runs the pack over the synthesized JSON, applies the configured
 * suppressions and returns the findings. `enforcePolicy` is what `synthesize()` calls between
 * rendering and writing, so a failing rule means nothing reaches cdktf.out.
 *
 * Why a pass over the JSON instead of a cdktf Aspect: the JSON is exactly what Terraform will
 * read, after escape-hatch overrides (`use_lockfile` is one), cross-stack outputs and remote-
 * state lookups, and data sources such as the policy documents; an Aspect sees construct
 * objects before any of that is resolved. It also works on every stack, whoever wrote it,
 * and the rules are plain functions testable with small JSON fixtures.
 */
import type { Config } from "../config";
import { ConfigError, ConfigErrors } from "../config/errors";
import type { Suppression } from "../config/schema/policy";
import { log } from "../synth/log";
import { POLICY_PACK } from "./packs";
import type { Finding, PolicyContext, Rule, Stacks } from "./types";

/** A finding that a configured suppression accepted, with its reason. */
export interface SuppressedFinding extends Finding {
  readonly reason: string;
}

export interface PolicyResult {
  /** Findings still standing, errors first. */
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
  readonly rulesRun: number;
}

/** Runs every rule; a rule that throws becomes an error finding, never a crash. */
export function runRules(
  stacks: Stacks,
  context: PolicyContext,
  rules: readonly Rule[] = POLICY_PACK,
): Finding[] {
  return rules.flatMap((rule) => {
    try {
      return rule.check(stacks, context).map((finding) => ({
        rule: rule.id,
        severity: finding.severity ?? rule.severity,
        address: finding.address,
        message: finding.message,
        fix: rule.fix,
      }));
    } catch (error) {
      return [
        {
          rule: rule.id,
          severity: "error" as const,
          address: "(rule)",
          message: `the rule itself failed: ${error instanceof Error ? error.message : String(error)}`,
          fix: "Fix the rule in src/policy/rules; until then nothing it guards is checked.",
        },
      ];
    }
  });
}

/** `<stack>/<type>.<name>` matches itself, and `<type>.<name>` matches it in any stack. */
function matches(suppression: Suppression, finding: Finding): boolean {
  if (suppression.rule !== finding.rule) return false;
  return (
    suppression.address === finding.address ||
    (!suppression.address.includes("/") && finding.address.endsWith(`/${suppression.address}`))
  );
}

/**
 * Checks the suppressions against the pack and the findings: an unknown rule id, or an
 * address that matches no finding of that rule, is a configuration error.
 */
export function validateSuppressions(
  suppressions: readonly Suppression[],
  findings: readonly Finding[],
  rules: readonly Rule[] = POLICY_PACK,
): ConfigError[] {
  const ids = new Set(rules.map((rule) => rule.id));
  const seen = new Map<string, number>();
  return suppressions.flatMap((suppression, index) => {
    const at = `policy.suppressions[${index}]`;
    const key = `${suppression.rule} ${suppression.address}`;
    const twin = seen.get(key);
    seen.set(key, index);
    if (twin !== undefined) {
      return [
        new ConfigError(
          "CFG_SUPPRESSION_DUPLICATE",
          at,
          key,
          `repeats policy.suppressions[${twin}]; keep one, with the better reason`,
        ),
      ];
    }
    if (!ids.has(suppression.rule)) {
      return [
        new ConfigError(
          "CFG_SUPPRESSION_UNKNOWN_RULE",
          `${at}.rule`,
          suppression.rule,
          "must be a rule id from src/policy/packs.ts",
        ),
      ];
    }
    if (!findings.some((finding) => matches(suppression, finding))) {
      return [
        new ConfigError(
          "CFG_SUPPRESSION_UNMATCHED",
          `${at}.address`,
          suppression.address,
          `matches no ${suppression.rule} finding; remove the suppression (the code complies) or ` +
            "fix the address (<stack>/<type>.<name> or <type>.<name>)",
        ),
      ];
    }
    return [];
  });
}

/** Runs the pack and applies the suppressions. Throws ConfigErrors for bad suppressions. */
export function checkPolicy(
  stacks: Stacks,
  config: Config,
  rules: readonly Rule[] = POLICY_PACK,
): PolicyResult {
  const all = runRules(stacks, { config }, rules);
  const suppressions = config.policy.suppressions;
  const problems = validateSuppressions(suppressions, all, rules);
  if (problems.length > 0) throw new ConfigErrors(problems);

  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of all) {
    const suppression = suppressions.find((candidate) => matches(candidate, finding));
    if (suppression) suppressed.push({ ...finding, reason: suppression.reason });
    else findings.push(finding);
  }
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return { findings, suppressed, rulesRun: rules.length };
}

/** One line per finding: address, rule, message and fix. */
export function formatFinding(finding: Finding): string {
  return `${finding.address} [${finding.rule}] ${finding.message}. Fix: ${finding.fix}`;
}

/** Synth failed a rule: carries the findings; the message lists every error. */
export class PolicyViolations extends Error {
  constructor(readonly errors: readonly Finding[]) {
    super(
      `policy check failed (${errors.length} error${errors.length === 1 ? "" : "s"}):\n` +
        errors.map((finding) => `  - ${formatFinding(finding)}`).join("\n"),
    );
    this.name = "PolicyViolations";
  }
}

/**
 * The synth-time gate: prints warnings, throws {@link PolicyViolations} on any error finding.
 */
export function enforcePolicy(stacks: Stacks, config: Config): PolicyResult {
  const result = checkPolicy(stacks, config);
  for (const finding of result.findings) {
    if (finding.severity === "warning") log.warn(formatFinding(finding));
  }
  const errors = result.findings.filter((finding) => finding.severity === "error");
  if (errors.length > 0) throw new PolicyViolations(errors);
  return result;
}
