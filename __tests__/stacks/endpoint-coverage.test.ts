import { INTERFACE_ENDPOINT_CATALOGUE } from "../../src/network/endpoint-catalogue";
import { DYNAMODB_ENDPOINT_ACTIONS } from "../../src/network/endpoints";
import { endpointFor } from "../../src/policy/rules/endpoint-coverage";
import type { TerraformJson } from "../../src/synth/pipeline";
import { resolveReference } from "../support/cross-stack";
import { dataOf, follow, resourcesOf, synthStacks } from "../support/synth";

interface Statement {
  sid?: string;
  effect?: string;
  actions?: string[];
  condition?: { variable: string }[];
}

/**
 * Whole-topology property: a workload inside the VPC reaches AWS only through the endpoints, so
 * every action its role is granted must also be admitted by the endpoint it travels through, or
 * the call is denied in production while every per-resource test passes. Policy rule NET-012
 * enforces it on every synth; this test checks it on the default topology by its own walk (role
 * policies found by their `role` attribute, not by the rule's resolver), and the reverse for
 * DynamoDB: the gateway endpoint admits exactly what the roles use.
 */
describe("endpoint policies against the workloads' roles", () => {
  const stacks = synthStacks();
  const app = stacks["app-default"];
  const network = stacks["network-default"];

  /** Roles of things that run inside the VPC: AgentCore runtimes and Lambda functions. */
  const vpcRoles = [
    ...Object.values(resourcesOf(app, "aws_bedrockagentcore_agent_runtime")).map((r) => r.role_arn),
    ...Object.values(resourcesOf(app, "aws_lambda_function")).map((f) => f.role),
  ].map((arn) => resolveReference(stacks, "app-default", arn));

  const granted = new Set<string>();
  for (const role of vpcRoles) {
    const policies = Object.values(resourcesOf(app, "aws_iam_role_policy")).filter(
      (policy) => policy.role === `\${aws_iam_role.${role.name}.id}`,
    );
    for (const policy of policies) {
      for (const statement of follow(app, policy.policy).statement as Statement[]) {
        // Calls a service makes for the role (kms:ViaService) never cross our endpoints.
        if (statement.condition?.some((c) => c.variable === "kms:ViaService")) continue;
        for (const action of statement.actions ?? []) granted.add(action);
      }
    }
  }

  const admittedBy = (json: TerraformJson, endpoint: string): Set<string> => {
    const name =
      endpoint === "dynamodb"
        ? "gateway_endpoints_dynamodb"
        : `interface_endpoints_${endpoint.replace(/[.-]/g, "_")}`;
    const block = resourcesOf(json, "aws_vpc_endpoint")[name];
    if (!block) return new Set();
    const statements = follow(json, block.policy).statement as Statement[];
    return new Set(statements.flatMap((s) => s.actions ?? []));
  };

  it("finds the roles of both runtimes and both Lambdas", () => {
    expect(vpcRoles).toHaveLength(4);
    expect(granted.size).toBeGreaterThan(10);
  });

  it("admits at the endpoint every action a VPC workload's role is granted", () => {
    const denied = [...granted]
      .filter((action) => endpointFor(action) !== undefined)
      .filter((action) => !admittedBy(network, endpointFor(action)!).has(action))
      .sort();
    expect(denied).toEqual([]);
  });

  it("admits at the DynamoDB endpoint exactly the DynamoDB actions the roles use", () => {
    const used = [...granted].filter((action) => action.startsWith("dynamodb:")).sort();
    expect(used).toEqual([...DYNAMODB_ENDPOINT_ACTIONS].sort());
    expect(Object.keys(dataOf(network, "aws_iam_policy_document"))).toContain(
      "gateway_endpoints_dynamodb_policy",
    );
  });

  it("catalogues an action for every endpoint a role relies on", () => {
    const needed = new Set([...granted].map(endpointFor).filter((e) => e && e !== "dynamodb"));
    for (const endpoint of needed) expect(INTERFACE_ENDPOINT_CATALOGUE).toHaveProperty([endpoint!]);
  });
});
