/**
 * The interface endpoints this project knows how to build, and what each one admits.
 *
 * Each entry is a fact about an AWS service, kept as data so the endpoint construct, the cost
 * report and the tests read the same list. `actions` become the endpoint policy: only callers
 * of this account, only these actions, only on `resources`. Every action is checked against
 * the IAM action catalogue by a test, so a typo fails CI instead of silently denying at runtime.
 *
 * Resource patterns use `${partition}`, `${region}` and `${account}` placeholders, filled in by
 * the endpoint construct with Terraform references.
 */
export interface EndpointService {
  /** What the workloads use it for; goes into the endpoint's tags and the report. */
  readonly purpose: string;
  /** IAM actions the workloads call through this endpoint. No wildcards. */
  readonly actions: readonly string[];
  /**
   * ARN patterns the actions may touch. `*` only where the actions take no resource
   * (for example `ecr:GetAuthorizationToken`, `cloudwatch:PutMetricData`).
   */
  readonly resources: readonly string[];
  /**
   * Actions with no resource type (`ecr:GetAuthorizationToken`). They get a statement of their
   * own on `*`, so the scoped actions above are never widened to every resource.
   */
  readonly unscopedActions?: readonly string[];
  /**
   * Calls that arrive with an OAuth bearer token instead of SigV4 (the MCP runtime's and the
   * gateway's JWT inbound auth). Such a request has no IAM principal, so `aws:PrincipalAccount`
   * cannot match; AgentCore's PrivateLink guide requires `Principal: "*"` without it. They get
   * a statement of their own, still limited to these actions on this account's resources.
   */
  readonly bearerToken?: {
    readonly actions: readonly string[];
    readonly resources: readonly string[];
  };
}

const ACCOUNT_ARN = (service: string) => `arn:\${partition}:${service}:\${region}:\${account}:*`;

/** Image pulls: this account's repositories only (the agent images live there). */
const ECR_PULL_ACTIONS = [
  "ecr:BatchGetImage",
  "ecr:GetDownloadUrlForLayer",
  "ecr:BatchCheckLayerAvailability",
];
const ECR_REPOSITORIES = "arn:${partition}:ecr:${region}:${account}:repository/*";

export const INTERFACE_ENDPOINT_CATALOGUE: Readonly<Record<string, EndpointService>> = {
  "bedrock-runtime": {
    purpose: "LLM inference (Claude) for the agent runtime",
    actions: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
    // Foundation models are AWS-owned (no account in the ARN); cross-region inference profiles
    // are ours and may route to a model in a sibling region, hence the `*` region on models.
    resources: [
      "arn:${partition}:bedrock:*::foundation-model/*",
      "arn:${partition}:bedrock:${region}:${account}:inference-profile/*",
    ],
  },
  "bedrock-agentcore": {
    purpose: "AgentCore data plane: runtime invocation and workload identity tokens",
    actions: [
      "bedrock-agentcore:InvokeAgentRuntime",
      "bedrock-agentcore:GetWorkloadAccessToken",
      "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
      "bedrock-agentcore:GetResourceOauth2Token",
    ],
    resources: [ACCOUNT_ARN("bedrock-agentcore")],
    // The agent calls the MCP runtime with a Cognito access token (JWT inbound auth).
    bearerToken: {
      actions: ["bedrock-agentcore:InvokeAgentRuntime"],
      resources: ["arn:${partition}:bedrock-agentcore:${region}:${account}:runtime/*"],
    },
  },
  "bedrock-agentcore.gateway": {
    purpose: "AgentCore gateway invocation (MCP tools backed by Lambda)",
    actions: ["bedrock-agentcore:InvokeGateway"],
    resources: [ACCOUNT_ARN("bedrock-agentcore")],
    // The gateway's inbound auth is CUSTOM_JWT: calls carry a bearer token, not SigV4.
    bearerToken: {
      actions: ["bedrock-agentcore:InvokeGateway"],
      resources: ["arn:${partition}:bedrock-agentcore:${region}:${account}:gateway/*"],
    },
  },
  "ecr.api": {
    purpose: "ECR authentication and image metadata for runtime cold starts",
    actions: ECR_PULL_ACTIONS,
    resources: [ECR_REPOSITORIES],
    // GetAuthorizationToken has no resource type; it alone gets `*` (policy rule IAM-002).
    unscopedActions: ["ecr:GetAuthorizationToken"],
  },
  "ecr.dkr": {
    purpose: "Docker registry API for image manifests",
    actions: ECR_PULL_ACTIONS,
    resources: [ECR_REPOSITORIES],
    unscopedActions: ["ecr:GetAuthorizationToken"],
  },
  logs: {
    purpose: "CloudWatch Logs for runtime and Lambda logs",
    // No CreateLogGroup: every group is created by Terraform, encrypted and with retention.
    actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
    resources: [ACCOUNT_ARN("logs")],
  },
  monitoring: {
    purpose: "CloudWatch metrics",
    actions: ["cloudwatch:PutMetricData"],
    // PutMetricData takes no resource; the namespace is the only scope and IAM roles carry it.
    resources: ["*"],
  },
  secretsmanager: {
    purpose: "Aurora and OAuth client credentials",
    actions: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
    resources: [ACCOUNT_ARN("secretsmanager")],
  },
  ssm: {
    purpose: "Parameter Store: data-tier outputs the runtimes read",
    actions: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
    resources: [ACCOUNT_ARN("ssm")],
  },
  "rds-data": {
    purpose: "Aurora Data API (the only path to the database)",
    actions: [
      "rds-data:ExecuteStatement",
      "rds-data:BatchExecuteStatement",
      "rds-data:BeginTransaction",
      "rds-data:CommitTransaction",
      "rds-data:RollbackTransaction",
    ],
    resources: [ACCOUNT_ARN("rds")],
  },
  kms: {
    purpose: "Decrypting secrets, table items and logs under the customer-managed keys",
    actions: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
    resources: [ACCOUNT_ARN("kms")],
  },
  xray: {
    purpose: "X-Ray trace segments and sampling rules",
    actions: [
      "xray:PutTraceSegments",
      "xray:PutTelemetryRecords",
      "xray:GetSamplingRules",
      "xray:GetSamplingTargets",
    ],
    // X-Ray's write and sampling actions take no resource type.
    resources: ["*"],
  },
};

/** The seed's twelve interface endpoints, in the seed's order. */
export const SEED_INTERFACE_ENDPOINTS: readonly string[] = [
  "bedrock-runtime",
  "bedrock-agentcore",
  "bedrock-agentcore.gateway",
  "ecr.api",
  "ecr.dkr",
  "logs",
  "monitoring",
  "secretsmanager",
  "ssm",
  "rds-data",
  "kms",
  "xray",
];

/**
 * The gateway endpoints. Not configurable: DynamoDB and S3 are the only services AWS offers as
 * gateway endpoints, they are free, and the topology cannot work without either.
 */
export const GATEWAY_ENDPOINT_SERVICES = ["s3", "dynamodb"] as const;
export type GatewayEndpointService = (typeof GATEWAY_ENDPOINT_SERVICES)[number];
