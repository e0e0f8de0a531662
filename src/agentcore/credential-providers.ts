import { BedrockagentcoreOauth2CredentialProvider } from "@cdktf/provider-aws/lib/bedrockagentcore-oauth2-credential-provider";
import { Construct } from "constructs";
import type { Config } from "../config";
import { M2M_CLIENTS, type M2mClientName } from "../config/schema/app";
import type { M2mIdentity } from "../identity/m2m-identity";
import { resourceName } from "../shared/naming";

import { recordOf } from "../shared/record";
export interface CredentialProvidersProps {
  readonly config: Config;
  readonly identity: M2mIdentity;
}

/**
 * How the agent gets OAuth tokens without internet access (the seed's "Cognito via internet"
 * cannot work in a VPC with no internet gateway and no NAT).
 *
 * One AgentCore Identity OAuth2 credential provider per Cognito machine client. It holds the
 * client id and secret in AgentCore's token vault and talks to Cognito's token endpoint from the
 * service side, outside the VPC. Inside the VPC the agent only calls the bedrock-agentcore
 * interface endpoint: the runtime hands it a workload access token, and GetResourceOauth2Token
 * (provider name, scopes, flow M2M) returns a Cognito access token, cached by the vault until it
 * expires. Nothing in the VPC ever resolves amazoncognito.com.
 */
export class CredentialProviders extends Construct {
  readonly providers: Readonly<Record<M2mClientName, BedrockagentcoreOauth2CredentialProvider>>;

  constructor(scope: Construct, id: string, props: CredentialProvidersProps) {
    super(scope, id);
    this.providers = recordOf(M2M_CLIENTS, (name) => {
      const { client } = props.identity.clients[name];
      return new BedrockagentcoreOauth2CredentialProvider(this, name, {
        name: resourceName(props.config, name),
        credentialProviderVendor: "CustomOauth2",
        oauth2ProviderConfig: [
          {
            customOauth2ProviderConfig: [
              {
                clientId: client.id,
                // The secret is in Terraform state already (the Cognito client exports it);
                // AgentCore copies it into its token vault.
                clientSecret: client.clientSecret,
                oauthDiscovery: [{ discoveryUrl: props.identity.discoveryUrl }],
              },
            ],
          },
        ],
        // The discovery document names the hosted domain's token endpoint, which exists only
        // once the domain does; nothing else in the references orders the two.
        dependsOn: [props.identity.domain],
      });
    });
  }
}

/** The token-vault secret AgentCore keeps a provider's client secret in. */
export function vaultSecretArn(provider: BedrockagentcoreOauth2CredentialProvider): string {
  return provider.clientSecretArn.get(0).secretArn;
}
