import type { Config } from "../config";
import type { TerraformJson } from "../synth/pipeline";

/** Stack name → synthesized Terraform JSON, exactly as `render()` returns it. */
export type Stacks = Readonly<Record<string, TerraformJson>>;

/** `error` fails synth; `warning` is printed and listed in the report. */
export type Severity = "error" | "warning";

/** What the rules may know besides the JSON: the resolved configuration. */
export interface PolicyContext {
  readonly config: Config;
}

/** One problem a rule found, at one address. */
export interface RuleFinding {
  /** `<stack>/<type>.<name>`, e.g. `network-default/aws_vpc.network_vpc`. */
  readonly address: string;
  /** What is wrong with this resource, in one sentence. */
  readonly message: string;
  /**
   * Overrides the rule's severity for this finding; used when a value is a token the rule
   * cannot see through (a warning says "not checked", rather than passing silently).
   */
  readonly severity?: Severity;
}

/**
 * A guardrail. One rule a file under src/policy/rules, listed in src/policy/packs.ts. `check`
 * is a pure function of the JSON: it returns nothing when the stacks comply or when no resource
 * of the kind it checks exists (not applicable).
 */
export interface Rule {
  /** Stable id, e.g. `NET-001`. Never reuse an id for another meaning; suppressions name it. */
  readonly id: string;
  readonly severity: Severity;
  /** What the rule demands, as a short sentence. */
  readonly title: string;
  /** Why it matters. */
  readonly rationale: string;
  /** How to comply, written as advice. */
  readonly fix: string;
  /** HIPAA Security Rule and PCI DSS v4.0 requirements the rule supports. */
  readonly controls: readonly string[];
  check(stacks: Stacks, context: PolicyContext): readonly RuleFinding[];
}

/** A rule finding with the rule's identity and its effective severity. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly address: string;
  readonly message: string;
  readonly fix: string;
}
