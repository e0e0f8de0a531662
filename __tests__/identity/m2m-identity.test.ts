import { M2M_CLIENTS } from "../../src/config/schema/app";
import { synthApp } from "../support/app";
import { ref, resourcesOf } from "../support/synth";

describe("the machine-to-machine identity", () => {
  const { app } = synthApp();
  const pool = ref("aws_cognito_user_pool", "identity_user_pool");

  it("is one user pool nobody can sign up to, protected from destroy", () => {
    const pools = resourcesOf(app, "aws_cognito_user_pool");
    expect(Object.keys(pools)).toEqual(["identity_user_pool"]);
    expect(pools.identity_user_pool).toMatchObject({
      admin_create_user_config: { allow_admin_create_user_only: true },
      deletion_protection: "ACTIVE",
      lifecycle: { prevent_destroy: true },
    });
  });

  it("has a hosted domain with the configured prefix and a resource server with the scopes", () => {
    expect(resourcesOf(app, "aws_cognito_user_pool_domain").identity_domain).toMatchObject({
      domain: "cs-agent-default-auth",
      user_pool_id: pool,
    });
    const server = resourcesOf(app, "aws_cognito_resource_server").identity_resource_server;
    expect(server.identifier).toBe("customer-support");
    expect((server.scope as { scope_name: string }[]).map((s) => s.scope_name)).toEqual([
      "read",
      "write",
      "mcp",
      "gateway",
    ]);
  });

  it.each(M2M_CLIENTS)(
    "client %s: client_credentials only, secret, OAuth flag, resource-server scopes (PITFALLS P2)",
    (name) => {
      const client = resourcesOf(app, "aws_cognito_user_pool_client")[
        `identity_client_${name.replace(/-/g, "_")}`
      ];
      expect(client).toMatchObject({
        user_pool_id: pool,
        allowed_oauth_flows: ["client_credentials"],
        allowed_oauth_flows_user_pool_client: true,
        generate_secret: true,
        supported_identity_providers: ["COGNITO"],
        explicit_auth_flows: ["ALLOW_REFRESH_TOKEN_AUTH"],
        access_token_validity: 60,
        token_validity_units: [{ access_token: "minutes" }],
        depends_on: ["aws_cognito_resource_server.identity_resource_server"],
      });
      const scopes = client.allowed_oauth_scopes as string[];
      expect(scopes.length).toBeGreaterThan(0);
      for (const scope of scopes)
        expect(scope).toMatch(/^customer-support\/(read|write|mcp|gateway)$/);
      expect(client).not.toHaveProperty("callback_urls");
    },
  );

  it("never enables a user sign-in flow on any client", () => {
    for (const client of Object.values(resourcesOf(app, "aws_cognito_user_pool_client"))) {
      expect(client.allowed_oauth_flows).not.toContain("implicit");
      expect(client.allowed_oauth_flows).not.toContain("code");
      expect(client.explicit_auth_flows).not.toEqual(
        expect.arrayContaining(["ALLOW_USER_PASSWORD_AUTH"]),
      );
    }
  });

  it("stores each client's credentials in Secrets Manager under the app key", () => {
    const secrets = resourcesOf(app, "aws_secretsmanager_secret");
    const versions = resourcesOf(app, "aws_secretsmanager_secret_version");
    for (const name of M2M_CLIENTS) {
      const id = `identity_client_${name.replace(/-/g, "_")}_secret`;
      expect(secrets[id]).toMatchObject({
        name: `cs-agent/default/oauth/${name}`,
        kms_key_id: ref("aws_kms_key", "app_key_key", "arn"),
        lifecycle: { prevent_destroy: true },
      });
      const value = String(versions[`${id}_value`].secret_string);
      expect(value).toContain(
        `aws_cognito_user_pool_client.identity_client_${name.replace(/-/g, "_")}.client_secret`,
      );
      expect(versions[`${id}_value`].secret_id).toBe(ref("aws_secretsmanager_secret", id));
    }
  });

  it("lets a throw-away environment destroy the pool", () => {
    const { app: loose } = synthApp({ protectStatefulResources: false });
    expect(resourcesOf(loose, "aws_cognito_user_pool").identity_user_pool).toMatchObject({
      deletion_protection: "INACTIVE",
      lifecycle: { prevent_destroy: false },
    });
  });

  it("creates the AgentCore credential providers only after the hosted domain their token endpoint lives on", () => {
    for (const provider of Object.values(
      resourcesOf(app, "aws_bedrockagentcore_oauth2_credential_provider"),
    )) {
      expect(provider.depends_on).toEqual(["aws_cognito_user_pool_domain.identity_domain"]);
    }
  });
});
