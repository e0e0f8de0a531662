import { CognitoResourceServer } from "@cdktf/provider-aws/lib/cognito-resource-server";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client";
import { CognitoUserPoolDomain } from "@cdktf/provider-aws/lib/cognito-user-pool-domain";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import type { Config } from "../config";
import { M2M_CLIENTS, type M2mClientName } from "../config/schema/app";
import { cognitoDomainPrefix } from "../config/validate-app";
import { resourceName, resourcePath } from "../shared/naming";
import { recordOf } from "../shared/record";

/** The only grant a machine client may use (PITFALLS P2). */
export const M2M_FLOWS = ["client_credentials"] as const;

/**
 * Cognito refuses explicit_auth_flows without the refresh flow, and leaving the list out makes
 * it default to SRP and custom auth. Refresh alone enables no sign-in: client_credentials issues
 * no refresh token, so these clients have no user flow at all.
 */
const NO_USER_FLOWS = ["ALLOW_REFRESH_TOKEN_AUTH"];

export interface M2mClient {
  readonly client: CognitoUserPoolClient;
  /** `<resource-server>/<scope>` strings the client requests tokens for. */
  readonly scopes: readonly string[];
  /** Secrets Manager secret holding client id, secret, token endpoint and scopes. */
  readonly secret: SecretsmanagerSecret;
}

export interface M2mIdentityProps {
  readonly config: Config;
  /** Customer-managed key for the client secrets. */
  readonly kmsKeyArn: string;
  /** Refuse `terraform destroy` of the user pool and the secrets. */
  readonly preventDestroy: boolean;
}

/**
 * Cognito for machine-to-machine OAuth 2.0: a user pool with no users, a hosted domain (its
 * token endpoint), one resource server with the configured scopes, and one app client per
 * caller, each allowed `client_credentials` only, with a generated secret and only
 * `<resource-server>/<scope>` scopes (PITFALLS P2: anything less returns invalid_grant).
 *
 * The token exchange never happens inside the VPC, which has no internet: AgentCore Identity
 * calls the token endpoint from the service side (see the credential providers), and the
 * runtime and gateway authorizers fetch the pool's keys from the discovery URL themselves.
 */
export class M2mIdentity extends Construct {
  readonly userPool: CognitoUserPool;
  readonly domain: CognitoUserPoolDomain;
  readonly resourceServer: CognitoResourceServer;
  readonly clients: Readonly<Record<M2mClientName, M2mClient>>;
  /** OIDC discovery document of the pool; JWT authorizers read keys and issuer from it. */
  readonly discoveryUrl: string;
  /** The hosted domain's token endpoint. */
  readonly tokenEndpoint: string;

  constructor(scope: Construct, id: string, props: M2mIdentityProps) {
    super(scope, id);
    const { config } = props;
    const identity = config.app.identity;

    this.userPool = new CognitoUserPool(this, "user-pool", {
      name: resourceName(config, "m2m"),
      // Machines only: nobody signs up, and no user is ever created.
      adminCreateUserConfig: { allowAdminCreateUserOnly: true },
      deletionProtection: props.preventDestroy ? "ACTIVE" : "INACTIVE",
      lifecycle: { preventDestroy: props.preventDestroy },
    });

    this.domain = new CognitoUserPoolDomain(this, "domain", {
      domain: cognitoDomainPrefix(config),
      userPoolId: this.userPool.id,
    });

    this.resourceServer = new CognitoResourceServer(this, "resource-server", {
      identifier: identity.resourceServer,
      name: resourceName(config, identity.resourceServer),
      userPoolId: this.userPool.id,
      scope: identity.scopes.map((scope) => ({
        scopeName: scope.name,
        scopeDescription: scope.description,
      })),
    });

    this.discoveryUrl =
      `https://cognito-idp.${config.region}.amazonaws.com/${this.userPool.id}` +
      "/.well-known/openid-configuration";
    this.tokenEndpoint = `https://${this.domain.domain}.auth.${config.region}.amazoncognito.com/oauth2/token`;

    this.clients = recordOf(M2M_CLIENTS, (name): M2mClient => {
      const scopes = identity.clients[name].scopes.map(
        (scope) => `${identity.resourceServer}/${scope}`,
      );
      const client = new CognitoUserPoolClient(this, `client-${name}`, {
        name: resourceName(config, name),
        userPoolId: this.userPool.id,
        generateSecret: true,
        allowedOauthFlowsUserPoolClient: true,
        allowedOauthFlows: [...M2M_FLOWS],
        allowedOauthScopes: scopes,
        supportedIdentityProviders: ["COGNITO"],
        explicitAuthFlows: NO_USER_FLOWS,
        accessTokenValidity: identity.accessTokenMinutes,
        tokenValidityUnits: [{ accessToken: "minutes" }],
        enableTokenRevocation: true,
        preventUserExistenceErrors: "ENABLED",
        // Cognito refuses scopes that do not exist yet; the names are plain strings (readable in
        // the plan and the secret), so the order is stated here.
        dependsOn: [this.resourceServer],
      });

      const secret = new SecretsmanagerSecret(this, `client-${name}-secret`, {
        name: resourcePath(config, "oauth", name).slice(1),
        description: `OAuth client credentials of ${resourceName(config, name)} (client_credentials)`,
        kmsKeyId: props.kmsKeyArn,
        recoveryWindowInDays: 30,
        lifecycle: { preventDestroy: props.preventDestroy },
      });
      new SecretsmanagerSecretVersion(this, `client-${name}-secret-value`, {
        secretId: secret.id,
        // Fn.jsonencode keeps the references references (terraform-cdk #3832).
        secretString: Fn.jsonencode({
          client_id: client.id,
          client_secret: client.clientSecret,
          token_endpoint: this.tokenEndpoint,
          scope: scopes.join(" "),
        }),
      });
      return { client, scopes, secret };
    });
  }
}
