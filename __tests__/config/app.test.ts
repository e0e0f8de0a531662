import { parseConfig } from "../../src/config";
import { cognitoDomainPrefix } from "../../src/config/validate-app";
import { configErrors } from "../support/config-errors";

const codesAndFields = (input: unknown) => configErrors(input).map((e) => [e.code, e.field]);

describe("app configuration defaults", () => {
  const { app } = parseConfig({});

  it("give both machine clients client-credentials scopes that the resource server declares", () => {
    const declared = app.identity.scopes.map((scope) => scope.name);
    expect(declared).toEqual(["read", "write", "mcp", "gateway"]);
    expect(app.identity.clients["agent-to-mcp"].scopes).toEqual(["mcp", "read"]);
    expect(app.identity.clients["agent-to-gateway"].scopes).toEqual(["gateway", "read", "write"]);
  });

  it("set both session timeouts of each runtime, idle below max (PITFALLS P5)", () => {
    for (const runtime of Object.values(app.agentcore.runtimes)) {
      expect(runtime).toMatchObject({ idleTimeoutSeconds: 900, maxLifetimeSeconds: 28_800 });
    }
  });

  it("derive the Cognito domain prefix from the name prefix and environment", () => {
    expect(cognitoDomainPrefix(parseConfig({ environment: "dev" }))).toBe("cs-agent-dev-auth");
    expect(cognitoDomainPrefix(parseConfig({ app: { identity: { domainPrefix: "x1" } } }))).toBe(
      "x1",
    );
  });
});

describe("app configuration validation", () => {
  it("rejects a Cognito domain prefix with a reserved word, configured or derived", () => {
    expect(codesAndFields({ app: { identity: { domainPrefix: "my-cognito-x" } } })).toEqual([
      ["CFG_COGNITO_DOMAIN_RESERVED", "app.identity.domainPrefix"],
    ]);
    const [derived] = configErrors({ namePrefix: "aws-agents" });
    expect(derived.code).toBe("CFG_COGNITO_DOMAIN_RESERVED");
    expect(derived.message).toContain("derived from namePrefix");
  });

  it("rejects a malformed domain prefix", () => {
    expect(codesAndFields({ app: { identity: { domainPrefix: "Upper_Case" } } })).toEqual([
      ["CFG_INVALID", "app.identity.domainPrefix"],
    ]);
  });

  it("rejects a scope declared twice", () => {
    const scopes = [
      { name: "read", description: "a" },
      { name: "read", description: "b" },
      { name: "mcp", description: "c" },
      { name: "gateway", description: "d" },
      { name: "write", description: "e" },
    ];
    expect(codesAndFields({ app: { identity: { scopes } } })).toEqual([
      ["CFG_COGNITO_SCOPE_DUPLICATE", "app.identity.scopes[1].name"],
    ]);
  });

  it("rejects a client scope the resource server does not declare, listing the declared ones", () => {
    const errors = configErrors({
      app: { identity: { clients: { "agent-to-mcp": { scopes: ["mcp", "admin"] } } } },
    });
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ["CFG_COGNITO_SCOPE_UNKNOWN", "app.identity.clients.agent-to-mcp.scopes[1]"],
    ]);
    expect(errors[0].message).toContain("read, write, mcp, gateway");
  });

  it("rejects a machine client without scopes", () => {
    expect(
      codesAndFields({ app: { identity: { clients: { "agent-to-gateway": { scopes: [] } } } } }),
    ).toEqual([["CFG_INVALID", "app.identity.clients.agent-to-gateway.scopes"]]);
  });

  it("rejects an inference profile of another geography, and accepts global and plain ids", () => {
    expect(
      codesAndFields({ app: { agentcore: { modelId: "eu.anthropic.claude-sonnet-4-v1:0" } } }),
    ).toEqual([["CFG_MODEL_PROFILE_REGION", "app.agentcore.modelId"]]);
    for (const modelId of ["global.anthropic.claude-x-v1:0", "anthropic.claude-3-haiku-v1:0"]) {
      expect(parseConfig({ app: { agentcore: { modelId } } }).app.agentcore.modelId).toBe(modelId);
    }
    // In eu-west-1 the eu. profile is right (the subnets' AZs are wrong there, which is fine here).
    const inEurope = configErrors({
      region: "eu-west-1",
      app: { agentcore: { modelId: "eu.x.y-v1:0" } },
    });
    expect(inEurope.map((e) => e.code)).not.toContain("CFG_MODEL_PROFILE_REGION");
  });

  it("rejects a model id that is not one", () => {
    expect(codesAndFields({ app: { agentcore: { modelId: "Claude please" } } })).toEqual([
      ["CFG_INVALID", "app.agentcore.modelId"],
    ]);
  });

  it("rejects one session timeout without the other (PITFALLS P5)", () => {
    expect(
      codesAndFields({ app: { agentcore: { runtimes: { mcp: { maxLifetimeSeconds: null } } } } }),
    ).toEqual([["CFG_RUNTIME_LIFECYCLE_PARTIAL", "app.agentcore.runtimes.mcp.maxLifetimeSeconds"]]);
    expect(
      codesAndFields({ app: { agentcore: { runtimes: { agent: { idleTimeoutSeconds: null } } } } }),
    ).toEqual([
      ["CFG_RUNTIME_LIFECYCLE_PARTIAL", "app.agentcore.runtimes.agent.idleTimeoutSeconds"],
    ]);
  });

  it("keeps both session timeouts when another runtime setting is overridden", () => {
    const config = parseConfig({ app: { agentcore: { runtimes: { mcp: { imageTag: "2.0" } } } } });
    expect(config.app.agentcore.runtimes.mcp).toMatchObject({
      idleTimeoutSeconds: 900,
      maxLifetimeSeconds: 28_800,
    });
  });

  it("accepts both session timeouts as null, leaving AgentCore's defaults", () => {
    const runtimes = { mcp: { idleTimeoutSeconds: null, maxLifetimeSeconds: null } };
    const config = parseConfig({ app: { agentcore: { runtimes } } });
    expect(config.app.agentcore.runtimes.mcp.idleTimeoutSeconds).toBeNull();
  });

  it("rejects an idle timeout above the maximum lifetime", () => {
    const runtimes = { agent: { idleTimeoutSeconds: 3600, maxLifetimeSeconds: 1800 } };
    const [error] = configErrors({ app: { agentcore: { runtimes } } });
    expect(error).toMatchObject({
      code: "CFG_RUNTIME_IDLE_ABOVE_MAX",
      field: "app.agentcore.runtimes.agent.idleTimeoutSeconds",
    });
    expect(error.message).toContain("(1800)");
  });

  it("rejects a timeout outside AgentCore's one minute to eight hours", () => {
    const runtimes = { agent: { idleTimeoutSeconds: 30, maxLifetimeSeconds: 30_000 } };
    expect(codesAndFields({ app: { agentcore: { runtimes } } })).toEqual([
      ["CFG_INVALID", "app.agentcore.runtimes.agent.idleTimeoutSeconds"],
      ["CFG_INVALID", "app.agentcore.runtimes.agent.maxLifetimeSeconds"],
    ]);
  });

  it("rejects reserved concurrency below one or above what the account can reserve", () => {
    const one = (reservedConcurrency: number) => ({
      app: { tools: { functions: { "warranty-lookup": { reservedConcurrency } } } },
    });
    expect(codesAndFields(one(0))).toEqual([
      ["CFG_INVALID", "app.tools.functions.warranty-lookup.reservedConcurrency"],
    ]);
    const both = {
      app: {
        tools: {
          functions: {
            "warranty-lookup": { reservedConcurrency: 500 },
            "customer-profile": { reservedConcurrency: 500 },
          },
        },
      },
    };
    const [error] = configErrors(both);
    expect(error).toMatchObject({
      code: "CFG_LAMBDA_CONCURRENCY_TOTAL",
      field: "app.tools.functions",
    });
    expect(error.message).toContain("got 1000");
  });

  it("rejects an image tag docker would refuse and an unknown Lambda runtime", () => {
    expect(
      codesAndFields({
        app: {
          agentcore: { runtimes: { agent: { imageTag: "-bad tag" } } },
          tools: { runtime: "nodejs16.x" },
        },
      }),
    ).toEqual([
      ["CFG_INVALID", "app.agentcore.runtimes.agent.imageTag"],
      ["CFG_INVALID", "app.tools.runtime"],
    ]);
  });

  it("rejects a misspelt app key", () => {
    expect(codesAndFields({ app: { agentCore: {} } })).toEqual([
      ["CFG_UNKNOWN_KEY", "app.agentCore"],
    ]);
  });
});
