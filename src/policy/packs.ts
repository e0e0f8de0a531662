/**
 * The policy pack: every rule the synth runs, one row each, grouped by concern, in report
 * order. Each rule lives in its own file under ./rules with its id, severity, rationale, fix
 * and controls. A rule id is released interface (suppressions name it): never renumber one.
 */
import { agentcoreLifecycle } from "./rules/agentcore-lifecycle";
import { agentcoreNoEmptyEnvironment } from "./rules/agentcore-no-empty-environment";
import { agentcoreSupportedZones } from "./rules/agentcore-supported-zones";
import { agentcoreVpcMode } from "./rules/agentcore-vpc-mode";
import { auroraBackups } from "./rules/aurora-backups";
import { auroraCmk } from "./rules/aurora-cmk";
import { auroraDataApi } from "./rules/aurora-data-api";
import { auroraDeletionProtection } from "./rules/aurora-deletion-protection";
import { auroraManagedPassword } from "./rules/aurora-managed-password";
import { auroraNotPublic } from "./rules/aurora-not-public";
import { auroraServerlessV2 } from "./rules/aurora-serverless-v2";
import { cognitoClientCredentials } from "./rules/cognito-client-credentials";
import { cognitoMachineClient } from "./rules/cognito-machine-client";
import { dbSubnetGroupAzs } from "./rules/db-subnet-group-azs";
import { declaredPortsOnly } from "./rules/declared-ports-only";
import { defaultSecurityGroupLocked } from "./rules/default-security-group-locked";
import { distinctStateKeys } from "./rules/distinct-state-keys";
import { dynamodbCmk } from "./rules/dynamodb-cmk";
import { dynamodbDeletionProtection } from "./rules/dynamodb-deletion-protection";
import { dynamodbRecovery } from "./rules/dynamodb-recovery";
import { ecrCmk } from "./rules/ecr-cmk";
import { endpointCoverage } from "./rules/endpoint-coverage";
import { endpointPolicies } from "./rules/endpoint-policies";
import { gatewayJwt } from "./rules/gateway-jwt";
import { gatewayLambdaIamRole } from "./rules/gateway-lambda-iam-role";
import { kmsRotation } from "./rules/kms-rotation";
import { lambdaConcurrency } from "./rules/lambda-concurrency";
import { lambdaInVpc } from "./rules/lambda-in-vpc";
import { lambdaTracing } from "./rules/lambda-tracing";
import { logGroupCmk } from "./rules/log-group-cmk";
import { logRetention } from "./rules/log-retention";
import { mcpRuntimeJwt } from "./rules/mcp-runtime-jwt";
import { noAdmin } from "./rules/no-admin";
import { noForeignConnectivity } from "./rules/no-foreign-connectivity";
import { noGatewayRoutes } from "./rules/no-gateway-routes";
import { noInternetGateways } from "./rules/no-internet-gateways";
import { noOpenCidr } from "./rules/no-open-cidr";
import { noPublicSubnets } from "./rules/no-public-subnets";
import { noRawPolicyJson } from "./rules/no-raw-policy-json";
import { noWildcardActions } from "./rules/no-wildcard-actions";
import { oneRuleStyle } from "./rules/one-rule-style";
import { preventDestroy } from "./rules/prevent-destroy";
import { reachMatrix } from "./rules/reach-matrix";
import { reachNoExit } from "./rules/reach-no-exit";
import { reachNoInbound } from "./rules/reach-no-inbound";
import { ruleDescriptions } from "./rules/rule-descriptions";
import { s3Kms } from "./rules/s3-kms";
import { s3PublicAccessBlock } from "./rules/s3-public-access-block";
import { s3TlsOnly } from "./rules/s3-tls-only";
import { s3Versioning } from "./rules/s3-versioning";
import { scopedResources } from "./rules/scoped-resources";
import { secretCmk } from "./rules/secret-cmk";
import { stateBackend } from "./rules/state-backend";
import { trustConditions } from "./rules/trust-conditions";
import { vpcFlowLogs } from "./rules/vpc-flow-logs";
import type { Rule } from "./types";

export const POLICY_PACK: readonly Rule[] = [
  // network isolation
  noInternetGateways,
  noForeignConnectivity,
  noGatewayRoutes,
  noOpenCidr,
  declaredPortsOnly,
  ruleDescriptions,
  oneRuleStyle,
  defaultSecurityGroupLocked,
  vpcFlowLogs,
  noPublicSubnets,
  endpointPolicies,
  endpointCoverage,

  // reachability proof
  reachNoExit,
  reachMatrix,
  reachNoInbound,

  // identity and access
  noWildcardActions,
  scopedResources,
  noAdmin,
  trustConditions,
  noRawPolicyJson,

  // encryption at rest
  logGroupCmk,
  dynamodbCmk,
  auroraCmk,
  secretCmk,
  ecrCmk,

  // keys
  kmsRotation,

  // logs
  logRetention,

  // DynamoDB
  dynamodbRecovery,
  dynamodbDeletionProtection,

  // Aurora
  auroraDeletionProtection,
  auroraBackups,
  auroraNotPublic,
  auroraDataApi,
  auroraServerlessV2,
  auroraManagedPassword,
  dbSubnetGroupAzs,

  // Lambda
  lambdaInVpc,
  lambdaTracing,
  lambdaConcurrency,

  // AgentCore
  agentcoreVpcMode,
  agentcoreNoEmptyEnvironment,
  agentcoreLifecycle,
  mcpRuntimeJwt,
  gatewayJwt,
  gatewayLambdaIamRole,
  agentcoreSupportedZones,

  // Cognito
  cognitoClientCredentials,
  cognitoMachineClient,

  // state bucket
  s3Versioning,
  s3Kms,
  s3TlsOnly,
  s3PublicAccessBlock,

  // Terraform state and lifecycle
  stateBackend,
  distinctStateKeys,
  preventDestroy,
];

/** Rules by id. */
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(
  POLICY_PACK.map((rule) => [rule.id, rule]),
);
