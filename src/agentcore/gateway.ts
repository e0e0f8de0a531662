import { BedrockagentcoreGateway } from "@cdktf/provider-aws/lib/bedrockagentcore-gateway";
import { BedrockagentcoreGatewayTarget } from "@cdktf/provider-aws/lib/bedrockagentcore-gateway-target";
import { Construct } from "constructs";
import type { Config } from "../config";
import type { ToolDefinition } from "../lambdas/shared/tool-schema";
import type { AccountContext } from "../shared/account";
import { resourceName } from "../shared/naming";
import { ServiceRole } from "../shared/service-role";
import { inlinePayload } from "./tool-schema";

/** A Lambda function the gateway exposes as MCP tools. */
export interface LambdaTarget {
  /** Target id and name; prefixes the tool names the agent sees (`<name>___<tool>`). */
  readonly name: string;
  readonly description: string;
  readonly functionArn: string;
  readonly tools: readonly ToolDefinition[];
}

export interface ToolGatewayProps {
  readonly config: Config;
  readonly account: AccountContext;
  /** Cognito discovery URL for the gateway's inbound JWT authorizer. */
  readonly discoveryUrl: string;
  /** Cognito client ids whose tokens the gateway accepts. */
  readonly allowedClients: readonly string[];
  readonly targets: readonly LambdaTarget[];
}

/**
 * The AgentCore gateway: an MCP endpoint that accepts Cognito access tokens (CUSTOM_JWT) and
 * turns tool calls into Lambda invocations.
 *
 * Lambda targets authenticate with the gateway's own IAM role (PITFALLS P13: an OAuth or API-key
 * provider on a Lambda target fails). That role trusts only bedrock-agentcore.amazonaws.com on
 * behalf of this account's gateways, and may invoke exactly the target functions.
 */
export class ToolGateway extends Construct {
  readonly gateway: BedrockagentcoreGateway;
  readonly role: ServiceRole;
  readonly targets: readonly BedrockagentcoreGatewayTarget[];

  constructor(scope: Construct, id: string, props: ToolGatewayProps) {
    super(scope, id);
    const { config, account } = props;
    const name = resourceName(config, "tools");

    this.role = new ServiceRole(this, "role", {
      name: resourceName(config, "gateway"),
      description: "Lets the AgentCore gateway invoke its Lambda tools, and nothing else",
      service: "bedrock-agentcore.amazonaws.com",
      trustConditions: [
        { test: "StringEquals", variable: "aws:SourceAccount", values: [account.accountId] },
        // Gateway ids are `<name>-<suffix>`; the role cannot name the id without a cycle.
        {
          test: "ArnLike",
          variable: "aws:SourceArn",
          values: [account.arn("bedrock-agentcore", `gateway/${name}-*`)],
        },
      ],
      statements: [
        {
          sid: "InvokeTheToolFunctionsOnly",
          actions: ["lambda:InvokeFunction"],
          resources: props.targets.map((target) => target.functionArn),
        },
      ],
    });

    this.gateway = new BedrockagentcoreGateway(this, "gateway", {
      name,
      description: "MCP tools of the customer-support agent, backed by Lambda",
      protocolType: "MCP",
      authorizerType: "CUSTOM_JWT",
      authorizerConfiguration: [
        {
          customJwtAuthorizer: [
            { discoveryUrl: props.discoveryUrl, allowedClients: [...props.allowedClients] },
          ],
        },
      ],
      roleArn: this.role.arn,
      dependsOn: [this.role.policy],
    });

    this.targets = props.targets.map(
      (target) =>
        new BedrockagentcoreGatewayTarget(this, `target-${target.name}`, {
          name: target.name,
          description: target.description,
          gatewayIdentifier: this.gateway.gatewayId,
          credentialProviderConfiguration: [{ gatewayIamRole: [{}] }],
          targetConfiguration: [
            {
              mcp: [
                {
                  lambda: [
                    {
                      lambdaArn: target.functionArn,
                      toolSchema: [{ inlinePayload: target.tools.map(inlinePayload) }],
                    },
                  ],
                },
              ],
            },
          ],
        }),
    );
  }
}
