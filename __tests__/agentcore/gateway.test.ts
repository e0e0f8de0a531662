import { CUSTOMER_PROFILE_TOOLS } from "../../src/lambdas/customer-profile/tools";
import { WARRANTY_TOOLS } from "../../src/lambdas/warranty-lookup/tools";
import { synthApp, statementsOf } from "../support/app";
import { ref, resourcesOf } from "../support/synth";

describe("the AgentCore gateway", () => {
  const { app } = synthApp();
  const gateway = resourcesOf(app, "aws_bedrockagentcore_gateway").gateway_gateway;
  const targets = resourcesOf(app, "aws_bedrockagentcore_gateway_target");
  const functionArn = (name: string) => ref("aws_lambda_function", `${name}_function`, "arn");

  it("speaks MCP behind a Cognito JWT authorizer for the agent-to-gateway client only", () => {
    expect(gateway).toMatchObject({
      protocol_type: "MCP",
      authorizer_type: "CUSTOM_JWT",
      role_arn: ref("aws_iam_role", "gateway_role_role", "arn"),
    });
    expect(gateway.authorizer_configuration).toEqual([
      {
        custom_jwt_authorizer: [
          {
            discovery_url: `https://cognito-idp.us-west-2.amazonaws.com/${ref("aws_cognito_user_pool", "identity_user_pool")}/.well-known/openid-configuration`,
            allowed_clients: [
              ref("aws_cognito_user_pool_client", "identity_client_agent_to_gateway"),
            ],
          },
        ],
      },
    ]);
  });

  it.each([
    ["gateway_target_warranty", "warranty_lookup", WARRANTY_TOOLS],
    ["gateway_target_customer_profile", "customer_profile", CUSTOMER_PROFILE_TOOLS],
  ])("target %s calls its Lambda with the gateway's IAM role (PITFALLS P13)", (id, fn, tools) => {
    const target = targets[id];
    expect(target.gateway_identifier).toBe(
      ref("aws_bedrockagentcore_gateway", "gateway_gateway", "gateway_id"),
    );
    expect(target.credential_provider_configuration).toEqual([{ gateway_iam_role: [{}] }]);
    const lambda = (
      target.target_configuration as { mcp: { lambda: Record<string, unknown>[] }[] }[]
    )[0].mcp[0].lambda[0];
    expect(lambda.lambda_arn).toBe(functionArn(fn));

    const payloads = (lambda.tool_schema as { inline_payload: Record<string, unknown>[] }[])[0]
      .inline_payload;
    expect(payloads.map((payload) => payload.name)).toEqual(tools.map((tool) => tool.name));
    payloads.forEach((payload, index) => {
      const input = (
        payload.input_schema as { property: { name: string; required: boolean }[] }[]
      )[0];
      expect(input.property.map((p) => [p.name, p.required])).toEqual(
        tools[index].input.map((p) => [p.name, p.required ?? false]),
      );
      expect(payload.output_schema).toHaveLength(1);
    });
  });

  it("has a role that trusts only AgentCore for this account's gateway and invokes exactly the two tools", () => {
    const role = resourcesOf(app, "aws_iam_role").gateway_role_role;
    const [trust] = statementsOf(app, role.assume_role_policy);
    expect(trust.principals).toEqual([
      { type: "Service", identifiers: ["bedrock-agentcore.amazonaws.com"] },
    ]);
    expect(trust.condition?.map((c) => c.variable).sort()).toEqual([
      "aws:SourceAccount",
      "aws:SourceArn",
    ]);
    const policy = resourcesOf(app, "aws_iam_role_policy").gateway_role_permissions;
    expect(statementsOf(app, policy.policy)).toEqual([
      expect.objectContaining({
        actions: ["lambda:InvokeFunction"],
        resources: [functionArn("warranty_lookup"), functionArn("customer_profile")],
      }),
    ]);
  });
});
