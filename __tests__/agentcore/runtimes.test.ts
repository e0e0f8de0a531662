import { environmentOrOmit } from "../../src/agentcore/runtime";
import { synthApp } from "../support/app";
import { resolvedAddress, resolveReference } from "../support/cross-stack";
import { dataOf, ref, resourcesOf } from "../support/synth";

type Block = Record<string, unknown>;
const only = <T>(list: unknown): T => {
  expect(list).toHaveLength(1);
  return (list as T[])[0];
};

describe("the AgentCore runtimes", () => {
  const { stacks, app, appName } = synthApp();
  const runtimes = resourcesOf(app, "aws_bedrockagentcore_agent_runtime");
  const images = dataOf(app, "aws_ecr_image");
  const network = (runtime: Block) =>
    only<{ network_mode: string; network_mode_config: Block[] }>(runtime.network_configuration);

  it.each([
    ["agent_runtime_runtime", "HTTP", "10.0.3.0/24", "security_groups_agent_runtime"],
    ["mcp_runtime_runtime", "MCP", "10.0.1.0/24", "security_groups_mcp_runtime"],
  ])(
    "%s speaks %s in VPC mode, only in subnet %s, only with group %s (PITFALLS P3)",
    (name, protocol, cidr, group) => {
      const runtime = runtimes[name];
      expect(only<Block>(runtime.protocol_configuration).server_protocol).toBe(protocol);
      const { network_mode, network_mode_config } = network(runtime);
      expect(network_mode).toBe("VPC");
      const config = only<{ subnets: string[]; security_groups: string[] }>(network_mode_config);

      const subnet = resolveReference(stacks, appName, only(config.subnets));
      expect(subnet).toMatchObject({ stack: "network-default", type: "aws_subnet" });
      expect(subnet.block.cidr_block).toBe(cidr);

      expect(resolvedAddress(stacks, appName, only(config.security_groups))).toBe(
        `network-default/aws_security_group.${group}.id`,
      );
    },
  );

  it("never uses PUBLIC network mode anywhere", () => {
    expect(JSON.stringify(app)).not.toContain('"PUBLIC"');
  });

  it.each([
    ["agent_runtime", "images_agent"],
    ["mcp_runtime", "images_mcp"],
  ])(
    "%s runs, by digest, the configured tag looked up in its own registry repository (%s)",
    (placement, repository) => {
      const artifact = only<{ container_configuration: { container_uri: string }[] }>(
        runtimes[`${placement}_runtime`].agent_runtime_artifact,
      );
      const uri = only<{ container_uri: string }>(artifact.container_configuration).container_uri;
      // image_uri is `<repository url>@<digest>` (the provider builds it from DescribeImages).
      expect(uri).toBe(ref("data.aws_ecr_image", `${placement}_image`, "image_uri"));

      const image = images[`${placement}_image`];
      expect(image.image_tag).toBe("1.0.0");
      expect(image).not.toHaveProperty("most_recent");
      expect(resolvedAddress(stacks, appName, image.repository_name)).toBe(
        `registry-default/aws_ecr_repository.${repository}.name`,
      );
    },
  );

  it("looks the images up at plan time, so a missing image fails the plan before any runtime exists", () => {
    // Terraform reads a data source during plan unless it has depends_on or an argument unknown
    // until apply (an attribute of a resource of this stack). A literal tag and a remote-state
    // output are both known at plan time.
    const remoteOutput = /^\$\{data\.terraform_remote_state\.[a-z0-9_]+\.outputs\.[a-z0-9_]+\}$/;
    for (const image of Object.values(images)) {
      expect(Object.keys(image).sort()).toEqual(["//", "image_tag", "repository_name"]);
      expect(String(image.image_tag)).not.toContain("${");
      expect(String(image.repository_name)).toMatch(remoteOutput);
    }
  });

  it("follows the configured image tag of each runtime", () => {
    const { app: tagged } = synthApp({
      app: { agentcore: { runtimes: { agent: { imageTag: "2.1.0" } } } },
    });
    const lookups = dataOf(tagged, "aws_ecr_image");
    expect(lookups.agent_runtime_image.image_tag).toBe("2.1.0");
    expect(lookups.mcp_runtime_image.image_tag).toBe("1.0.0");
  });

  it("creates no repository of its own: the images live in the registry tier", () => {
    expect(resourcesOf(app, "aws_ecr_repository")).toEqual({});
    expect(resourcesOf(app, "aws_ecr_lifecycle_policy")).toEqual({});
  });

  it("guards the MCP runtime with a JWT authorizer on the pool, for the agent-to-mcp client only", () => {
    const authorizer = only<{ custom_jwt_authorizer: Block[] }>(
      runtimes.mcp_runtime_runtime.authorizer_configuration,
    );
    const jwt = only<Block>(authorizer.custom_jwt_authorizer);
    expect(jwt.discovery_url).toBe(
      `https://cognito-idp.us-west-2.amazonaws.com/${ref("aws_cognito_user_pool", "identity_user_pool")}/.well-known/openid-configuration`,
    );
    expect(jwt.allowed_clients).toEqual([
      ref("aws_cognito_user_pool_client", "identity_client_agent_to_mcp"),
    ]);
  });

  it("gives the agent its model, the MCP runtime, the gateway and Aurora through its environment", () => {
    const env = runtimes.agent_runtime_runtime.environment_variables as Record<string, string>;
    expect(env).toMatchObject({
      MODEL_ID: "us.anthropic.claude-sonnet-4-20250514-v1:0",
      MCP_RUNTIME_ARN: ref(
        "aws_bedrockagentcore_agent_runtime",
        "mcp_runtime_runtime",
        "agent_runtime_arn",
      ),
      GATEWAY_URL: ref("aws_bedrockagentcore_gateway", "gateway_gateway", "gateway_url"),
      MCP_CREDENTIAL_PROVIDER: ref(
        "aws_bedrockagentcore_oauth2_credential_provider",
        "credential_providers_agent_to_mcp",
        "name",
      ),
      MCP_SCOPES: "customer-support/mcp customer-support/read",
      AURORA_DATABASE: "sampledb",
    });
  });

  it("sets both session timeouts, idle first (PITFALLS P5), or neither", () => {
    for (const runtime of Object.values(runtimes)) {
      expect(runtime.lifecycle_configuration).toEqual([
        { idle_runtime_session_timeout: 900, max_lifetime: 28_800 },
      ]);
    }
    const { app: bare } = synthApp({
      app: {
        agentcore: { runtimes: { mcp: { idleTimeoutSeconds: null, maxLifetimeSeconds: null } } },
      },
    });
    const mcp = resourcesOf(bare, "aws_bedrockagentcore_agent_runtime").mcp_runtime_runtime;
    expect(mcp).not.toHaveProperty("lifecycle_configuration");
  });

  it("omits an empty environment map instead of sending {} (PITFALLS P4)", () => {
    expect(environmentOrOmit({})).toBeUndefined();
    expect(environmentOrOmit({ A: "1" })).toEqual({ A: "1" });
    for (const runtime of Object.values(runtimes)) {
      expect(runtime.environment_variables).not.toEqual({});
    }
  });

  it("writes logs to a group we create with retention and the app key, after the runtime", () => {
    const groups = resourcesOf(app, "aws_cloudwatch_log_group");
    expect(groups.agent_runtime_log_group).toMatchObject({
      name: `/aws/bedrock-agentcore/runtimes/${ref("aws_bedrockagentcore_agent_runtime", "agent_runtime_runtime", "agent_runtime_id")}-DEFAULT`,
      retention_in_days: 90,
      kms_key_id: ref("aws_kms_key", "app_key_key", "arn"),
      lifecycle: { prevent_destroy: true },
    });
  });

  it("waits for the execution role's policy, which AgentCore checks at create", () => {
    expect(runtimes.agent_runtime_runtime.depends_on).toEqual([
      "aws_iam_role_policy.agent_runtime_role_permissions",
    ]);
  });
});
