import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { Config } from "../config";
import type { RuntimeName } from "../config/schema/app";
import type { SubnetRole } from "../config/schema/network";
import { vaultSecretArn, CredentialProviders } from "../agentcore/credential-providers";
import { ToolGateway } from "../agentcore/gateway";
import {
  AgentRuntime,
  type AgentRuntimeProps,
  RUNTIME_LOG_ROOT,
  runtimeNamePrefix,
} from "../agentcore/runtime";
import {
  modelArns,
  runtimeBaseStatements,
  runtimeTrust,
  workloadIdentityArns,
} from "../agentcore/runtime-permissions";
import { M2mIdentity } from "../identity/m2m-identity";
import { CUSTOMER_PROFILE_TOOLS } from "../lambdas/customer-profile/tools";
import { TABLE_ENV } from "../lambdas/shared/tables";
import { ToolFunction } from "../lambdas/tool-function";
import { WARRANTY_TOOLS } from "../lambdas/warranty-lookup/tools";
import type { GroupName } from "../network/security-group-matrix";
import { cloudWatchLogsStatement, CustomerManagedKey } from "../shared/kms-key";
import { resourceName } from "../shared/naming";
import type { PolicyStatement } from "../shared/policy-document";
import { mapRecord } from "../shared/record";
import { ServiceRole } from "../shared/service-role";
import type { DataTierRefs, RegistryRefs, TableName } from "./contracts";
import type { NetworkStack } from "./network-stack";
import { TierStack } from "./tier-stack";

/** What the app tier takes from the network tier: ids of subnets by role, groups by name. */
export interface NetworkRefs {
  readonly subnets: Readonly<Record<SubnetRole, string>>;
  readonly securityGroups: Readonly<Record<GroupName, string>>;
}

/** The network stack's subnets and groups as references (cross-stack once used here). */
export function networkRefsOf(network: NetworkStack): NetworkRefs {
  const pick = <K extends string>(byKey: Readonly<Record<K, { id: string }>>) =>
    mapRecord(byKey, ({ id }) => id);
  return {
    subnets: pick(network.network.subnets),
    securityGroups: pick(network.securityGroups.groups),
  };
}

export interface AppStackProps {
  readonly config: Config;
  /** Subnets and security groups of the network tier. */
  readonly network: NetworkRefs;
  /** Tables, Aurora and the data key of the data tier (the contract in contracts.ts). */
  readonly data: DataTierRefs;
  /** The image repositories of the registry tier; the images must be pushed before apply. */
  readonly registry: RegistryRefs;
}

/** DynamoDB item reads; GSIs need `<table>/index/*` as well (PITFALLS P11). */
const TABLE_READS = ["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query"];

/** The Aurora Data API calls the agent makes. */
const DATA_API = [
  "rds-data:BatchExecuteStatement",
  "rds-data:BeginTransaction",
  "rds-data:CommitTransaction",
  "rds-data:ExecuteStatement",
  "rds-data:RollbackTransaction",
];

/**
 * The app tier: Cognito machine identity, the AgentCore agent and MCP runtimes, the gateway
 * with its two Lambda tools, their roles, logs and the app key. It reaches the other tiers only
 * through {@link NetworkRefs}, {@link DataTierRefs} and {@link RegistryRefs}; the runtimes' images
 * live in the registry tier, and a plan fails while one is not pushed (see AgentRuntime).
 */
export class AppStack extends TierStack {
  readonly key: CustomerManagedKey;
  readonly identity: M2mIdentity;
  readonly credentialProviders: CredentialProviders;
  readonly tools: Readonly<Record<"warranty-lookup" | "customer-profile", ToolFunction>>;
  readonly gateway: ToolGateway;
  readonly mcpRuntime: AgentRuntime;
  readonly agentRuntime: AgentRuntime;

  constructor(scope: Construct, props: AppStackProps) {
    const { config, network, data, registry } = props;
    super(scope, "app", config);
    const account = this.account;
    const protect = config.protectStatefulResources;
    const logs = { retentionDays: config.app.logRetentionDays, preventDestroy: protect };

    this.key = new CustomerManagedKey(this, "app-key", {
      description: `Encrypts the app tier of ${resourceName(config)}: secrets and logs`,
      alias: resourceName(config, "app"),
      account,
      preventDestroy: protect,
      serviceStatements: [
        cloudWatchLogsStatement("CloudWatchLogsForAppLogGroups", config.region, [
          account.arn("logs", `log-group:/aws/lambda/${resourceName(config)}-*`),
          account.arn("logs", `log-group:${RUNTIME_LOG_ROOT}/${runtimeNamePrefix(config)}*`),
        ]),
      ],
    });
    const kmsKeyArn = this.key.arn;

    this.identity = new M2mIdentity(this, "identity", {
      config,
      kmsKeyArn,
      preventDestroy: protect,
    });
    this.credentialProviders = new CredentialProviders(this, "credential-providers", {
      config,
      identity: this.identity,
    });

    const table = (name: TableName) => data.tables[name];
    // The data tier publishes its identifiers under one path; the runtimes may read that path
    // and no other parameter (String parameters: no KMS permission needed).
    const readDataParameters: PolicyStatement = {
      sid: "ReadDataTierParameters",
      actions: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
      resources: [
        account.arn("ssm", `parameter${data.parameterPath}`),
        account.arn("ssm", `parameter${data.parameterPath}/*`),
      ],
    };
    const tableStatement = (
      sid: string,
      actions: string[],
      names: TableName[],
    ): PolicyStatement => ({
      sid,
      actions,
      resources: names.flatMap((name) => [table(name).arn, `${table(name).arn}/index/*`]),
    });
    const dataKeyVia = (service: string, actions: string[]): PolicyStatement => ({
      sid: `DataKeyVia${service[0].toUpperCase()}${service.slice(1)}`,
      actions,
      resources: [data.dataKeyArn],
      conditions: [
        {
          test: "StringEquals",
          variable: "kms:ViaService",
          values: [`${service}.${config.region}.amazonaws.com`],
        },
      ],
    });
    const toolPlacement = {
      config,
      account,
      subnetId: network.subnets.data,
      securityGroupId: network.securityGroups["gateway-lambda"],
      kmsKeyArn,
      preventDestroy: protect,
    };

    this.tools = {
      "warranty-lookup": new ToolFunction(this, "warranty-lookup", {
        ...toolPlacement,
        name: "warranty-lookup",
        description: "Gateway tool: warranty lookup by serial number",
        environment: { [TABLE_ENV.warranty]: table("warranty").name },
        statements: [
          tableStatement("ReadWarranties", ["dynamodb:GetItem"], ["warranty"]),
          dataKeyVia("dynamodb", ["kms:Decrypt"]),
        ],
      }),
      "customer-profile": new ToolFunction(this, "customer-profile", {
        ...toolPlacement,
        name: "customer-profile",
        description: "Gateway tool: customer profile get and update",
        environment: { [TABLE_ENV["customer-profile"]]: table("customer-profile").name },
        statements: [
          tableStatement(
            "ReadAndUpdateProfiles",
            ["dynamodb:GetItem", "dynamodb:UpdateItem"],
            ["customer-profile"],
          ),
          dataKeyVia("dynamodb", ["kms:Decrypt", "kms:GenerateDataKey"]),
        ],
      }),
    };

    const { clients } = this.identity;
    this.gateway = new ToolGateway(this, "gateway", {
      config,
      account,
      discoveryUrl: this.identity.discoveryUrl,
      allowedClients: [clients["agent-to-gateway"].client.id],
      targets: [
        {
          name: "warranty",
          description: "Warranty lookup by serial number",
          functionArn: this.tools["warranty-lookup"].function.arn,
          tools: WARRANTY_TOOLS,
        },
        {
          name: "customer-profile",
          description: "Customer profile get and update",
          functionArn: this.tools["customer-profile"].function.arn,
          tools: CUSTOMER_PROFILE_TOOLS,
        },
      ],
    });

    const runtimeLogs = { ...logs, kmsKeyArn };
    const tiers = { network, registry };
    this.mcpRuntime = this.runtime("mcp", runtimeLogs, tiers, {
      protocol: "MCP",
      description: "MCP server: product and review tools over DynamoDB",
      statements: [
        tableStatement("ReadProductsAndReviews", TABLE_READS, ["products", "reviews"]),
        readDataParameters,
        dataKeyVia("dynamodb", ["kms:Decrypt"]),
      ],
      environment: {
        PRODUCTS_TABLE: table("products").name,
        REVIEWS_TABLE: table("reviews").name,
      },
      authorizer: {
        discoveryUrl: this.identity.discoveryUrl,
        allowedClients: [clients["agent-to-mcp"].client.id],
      },
    });

    const providers = this.credentialProviders.providers;
    const identities = workloadIdentityArns(config, account, "agent");
    this.agentRuntime = this.runtime("agent", runtimeLogs, tiers, {
      protocol: "HTTP",
      description: "Customer-support agent: Claude on Bedrock, MCP and gateway tools, Aurora",
      statements: [
        {
          sid: "InvokeConfiguredModel",
          actions: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
          resources: modelArns(account, config.app.agentcore.modelId),
        },
        {
          sid: "OauthTokensForMcpAndGateway",
          actions: ["bedrock-agentcore:GetResourceOauth2Token"],
          resources: [
            account.arn("bedrock-agentcore", "token-vault/default"),
            providers["agent-to-mcp"].credentialProviderArn,
            providers["agent-to-gateway"].credentialProviderArn,
            ...identities,
          ],
        },
        {
          sid: "ClientSecretsInTheTokenVault",
          actions: ["secretsmanager:GetSecretValue"],
          resources: [
            vaultSecretArn(providers["agent-to-mcp"]),
            vaultSecretArn(providers["agent-to-gateway"]),
          ],
        },
        { sid: "AuroraDataApi", actions: DATA_API, resources: [data.aurora.clusterArn] },
        readDataParameters,
        {
          sid: "AuroraSecret",
          actions: ["secretsmanager:GetSecretValue"],
          resources: [data.aurora.secretArn],
        },
        dataKeyVia("secretsmanager", ["kms:Decrypt"]),
      ],
      environment: {
        MODEL_ID: config.app.agentcore.modelId,
        MCP_RUNTIME_ARN: this.mcpRuntime.runtime.agentRuntimeArn,
        MCP_CREDENTIAL_PROVIDER: providers["agent-to-mcp"].name,
        MCP_SCOPES: clients["agent-to-mcp"].scopes.join(" "),
        GATEWAY_URL: this.gateway.gateway.gatewayUrl,
        GATEWAY_CREDENTIAL_PROVIDER: providers["agent-to-gateway"].name,
        GATEWAY_SCOPES: clients["agent-to-gateway"].scopes.join(" "),
        AURORA_CLUSTER_ARN: data.aurora.clusterArn,
        AURORA_SECRET_ARN: data.aurora.secretArn,
        AURORA_DATABASE: data.aurora.databaseName,
      },
    });

    new TerraformOutput(this, "agent-runtime-arn", {
      description: "The agent runtime; invoke through the bedrock-agentcore endpoint",
      value: this.agentRuntime.runtime.agentRuntimeArn,
    });
    new TerraformOutput(this, "gateway-url", {
      description: "MCP endpoint of the tool gateway (Cognito token of agent-to-gateway)",
      value: this.gateway.gateway.gatewayUrl,
    });
    new TerraformOutput(this, "cognito-discovery-url", {
      description: "OIDC discovery URL of the machine-to-machine user pool",
      value: this.identity.discoveryUrl,
    });
  }

  /**
   * A runtime and its execution role: the base permissions every runtime needs plus `statements`,
   * placed in the subnet and group named after it (`agent-runtime`, `mcp-runtime`), running the
   * image of the registry repository named after it.
   */
  private runtime(
    name: RuntimeName,
    logs: { kmsKeyArn: string; retentionDays: number; preventDestroy: boolean },
    { network, registry }: { network: NetworkRefs; registry: RegistryRefs },
    props: Pick<AgentRuntimeProps, "protocol" | "description" | "environment" | "authorizer"> & {
      readonly statements: readonly PolicyStatement[];
    },
  ): AgentRuntime {
    const { config, account } = this;
    const placement = `${name}-runtime` as const;
    const repository = registry.repositories[name];
    const role = new ServiceRole(this, `${placement}-role`, {
      name: resourceName(config, placement),
      description: `Execution role of the ${name} runtime: ${props.description}`,
      service: "bedrock-agentcore.amazonaws.com",
      trustConditions: runtimeTrust(config, account, name),
      statements: [
        ...runtimeBaseStatements(config, account, name, repository.arn),
        ...props.statements,
      ],
    });
    return new AgentRuntime(this, placement, {
      config,
      name,
      protocol: props.protocol,
      description: props.description,
      repository,
      role,
      subnetId: network.subnets[placement],
      securityGroupId: network.securityGroups[placement],
      environment: props.environment,
      authorizer: props.authorizer,
      logs,
    });
  }
}
