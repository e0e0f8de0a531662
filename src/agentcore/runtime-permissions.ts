import type { Config } from "../config";
import type { RuntimeName } from "../config/schema/app";
import type { AccountContext } from "../shared/account";
import type { PolicyCondition, PolicyStatement } from "../shared/policy-document";
import { runtimeLogGroupPattern, runtimeName } from "./runtime";

/** The metric namespace AgentCore runtimes publish to; the only one their roles may write. */
export const RUNTIME_METRIC_NAMESPACE = "bedrock-agentcore";

/**
 * What every AgentCore runtime needs to start and be observed: pull its own image, write its own
 * log group, send traces and metrics. Actions without a resource type get `*`, each marked.
 */
export function runtimeBaseStatements(
  config: Config,
  account: AccountContext,
  name: RuntimeName,
  repositoryArn: string,
): PolicyStatement[] {
  const logGroups = account.arn("logs", `log-group:${runtimeLogGroupPattern(config, name)}`);
  return [
    {
      // Every runtime gets its own workload identity; AWS's execution-role template grants
      // these token calls to all runtimes, and a runtime behind JWT inbound auth exchanges the
      // caller's token with ...ForJWT. No ...ForUserId: it mints tokens for any caller-supplied
      // user id (AWS advises against granting it).
      sid: "OwnWorkloadAccessToken",
      actions: [
        "bedrock-agentcore:GetWorkloadAccessToken",
        "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
      ],
      resources: workloadIdentityArns(config, account, name),
    },
    {
      sid: "PullOwnImage",
      actions: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
      resources: [repositoryArn],
    },
    {
      // GetAuthorizationToken has no resource type: `*` is the only valid value.
      sid: "EcrAuthorizationToken",
      actions: ["ecr:GetAuthorizationToken"],
      resources: ["*"],
    },
    {
      // No logs:CreateLogGroup: the group is ours, encrypted and with retention.
      sid: "WriteOwnLogGroup",
      actions: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
      resources: [logGroups, `${logGroups}:log-stream:*`],
    },
    {
      // X-Ray's write and sampling actions have no resource type.
      sid: "Traces",
      actions: [
        "xray:GetSamplingRules",
        "xray:GetSamplingTargets",
        "xray:PutTelemetryRecords",
        "xray:PutTraceSegments",
      ],
      resources: ["*"],
    },
    {
      // PutMetricData has no resource type; the namespace condition is its only scope.
      sid: "MetricsInOwnNamespace",
      actions: ["cloudwatch:PutMetricData"],
      resources: ["*"],
      conditions: [
        {
          test: "StringEquals",
          variable: "cloudwatch:namespace",
          values: [RUNTIME_METRIC_NAMESPACE],
        },
      ],
    },
  ];
}

/**
 * The workload identities AgentCore creates for a runtime (`<runtime name>-<suffix>`) and the
 * directory they live in: what token calls are scoped to.
 */
export function workloadIdentityArns(
  config: Config,
  account: AccountContext,
  name: RuntimeName,
): string[] {
  const directory = "workload-identity-directory/default";
  return [
    account.arn("bedrock-agentcore", directory),
    account.arn(
      "bedrock-agentcore",
      `${directory}/workload-identity/${runtimeName(config, name)}-*`,
    ),
  ];
}

/**
 * Bedrock resources a model id resolves to. A foundation model is AWS-owned (no account in its
 * ARN). An inference profile is invoked in this region and routes to the same foundation model
 * in any region of its geography, so both the profile and the model in every region are named.
 */
export function modelArns(account: AccountContext, modelId: string): string[] {
  const profile = /^(us|eu|apac|global)\.(.+)$/.exec(modelId);
  if (profile === null) {
    return [`arn:${account.partition}:bedrock:${account.region}::foundation-model/${modelId}`];
  }
  return [
    account.arn("bedrock", `inference-profile/${modelId}`),
    `arn:${account.partition}:bedrock:*::foundation-model/${profile[2]}`,
  ];
}

/**
 * AgentCore may assume a runtime's role only for that runtime of this account. The runtime's id
 * is generated (`<name>-<suffix>`) and the role must exist first, so the ARN is a pattern.
 */
export function runtimeTrust(
  config: Config,
  account: AccountContext,
  name: RuntimeName,
): PolicyCondition[] {
  return [
    { test: "StringEquals", variable: "aws:SourceAccount", values: [account.accountId] },
    {
      test: "ArnLike",
      variable: "aws:SourceArn",
      values: [account.arn("bedrock-agentcore", `runtime/${runtimeName(config, name)}-*`)],
    },
  ];
}
