import { POLICY_PACK } from "../../src/policy/packs";
import { agentcoreSupportedZones } from "../../src/policy/rules/agentcore-supported-zones";
import { dbSubnetGroupAzs } from "../../src/policy/rules/db-subnet-group-azs";
import type { Stacks } from "../../src/policy/types";
import { context, dataRef, document, ref, stacksOf, STACK, type Block } from "./fixtures";

/** One violating and one passing fixture per rule, and the address the violation names. */
interface Case {
  readonly violating: Stacks;
  readonly passing: Stacks;
  readonly address: string;
}

const vpc = { cidr_block: "10.0.0.0/16" };
const vpcId = ref("aws_vpc", "main");
const lockedDefault = { aws_default_security_group: { locked: { vpc_id: vpcId } } };
const flowLog = { aws_flow_log: { all: { vpc_id: vpcId, traffic_type: "ALL" } } };
const egress = (extra: Block): Block => ({
  security_group_id: ref("aws_security_group", "app"),
  ip_protocol: "tcp",
  from_port: 443,
  to_port: 443,
  cidr_ipv4: "10.0.0.0/16",
  description: "TLS to the VPC",
  ...extra,
});
const group = { aws_security_group: { app: { vpc_id: vpcId, description: "app" } } };

const table = (extra: Block = {}): Block => ({
  name: "orders",
  server_side_encryption: { enabled: true, kms_key_arn: ref("aws_kms_key", "data", "arn") },
  point_in_time_recovery: { enabled: true },
  deletion_protection_enabled: true,
  ...extra,
});
const cluster = (extra: Block = {}): Block => ({
  engine: "aurora-postgresql",
  engine_version: "16.4",
  engine_mode: "provisioned",
  storage_encrypted: true,
  kms_key_id: ref("aws_kms_key", "data", "arn"),
  deletion_protection: true,
  backup_retention_period: 7,
  enable_http_endpoint: true,
  manage_master_user_password: true,
  serverlessv2_scaling_configuration: { min_capacity: 0.5, max_capacity: 4 },
  ...extra,
});
const instance = (extra: Block = {}): Block => ({
  cluster_identifier: ref("aws_rds_cluster", "db"),
  instance_class: "db.serverless",
  engine: ref("aws_rds_cluster", "db", "engine"),
  engine_version: ref("aws_rds_cluster", "db", "engine_version"),
  publicly_accessible: false,
  ...extra,
});
const subnet = (azId: string, extra: Block = {}): Block => ({
  vpc_id: vpcId,
  cidr_block: "10.0.1.0/24",
  availability_zone_id: azId,
  ...extra,
});
const lambda = (extra: Block = {}): Block => ({
  function_name: "lookup",
  vpc_config: {
    subnet_ids: [ref("aws_subnet", "a")],
    security_group_ids: [ref("aws_security_group", "lambda")],
  },
  tracing_config: { mode: "Active" },
  reserved_concurrent_executions: 10,
  ...extra,
});
const runtime = (extra: Block = {}): Block => ({
  agent_runtime_name: "mcp",
  network_configuration: [
    {
      network_mode: "VPC",
      network_mode_config: [
        { subnets: [ref("aws_subnet", "a")], security_groups: [ref("aws_security_group", "mcp")] },
      ],
    },
  ],
  protocol_configuration: [{ server_protocol: "MCP" }],
  authorizer_configuration: [
    {
      custom_jwt_authorizer: [
        {
          discovery_url: "https://cognito/.well-known/openid-configuration",
          allowed_clients: ["c"],
        },
      ],
    },
  ],
  ...extra,
});
const jwt = [
  { custom_jwt_authorizer: [{ discovery_url: "https://x/.well-known", allowed_audience: ["a"] }] },
];
const lambdaTarget = (credentials: Block): Block => ({
  gateway_identifier: ref("aws_bedrockagentcore_gateway", "tools", "gateway_id"),
  name: "lookup",
  target_configuration: [
    { mcp: [{ lambda: [{ lambda_arn: ref("aws_lambda_function", "f", "arn") }] }] },
  ],
  credential_provider_configuration: [credentials],
});
const client = (extra: Block = {}): Block => ({
  name: "agent",
  user_pool_id: ref("aws_cognito_user_pool", "pool"),
  allowed_oauth_flows: ["client_credentials"],
  allowed_oauth_flows_user_pool_client: true,
  allowed_oauth_scopes: ["mcp/invoke"],
  generate_secret: true,
  explicit_auth_flows: ["ALLOW_REFRESH_TOKEN_AUTH"],
  ...extra,
});
const bucket = {
  aws_s3_bucket: { state: { bucket: "tfstate", lifecycle: { prevent_destroy: true } } },
};
const bucketRef = ref("aws_s3_bucket", "state");
const backend = (extra: Block = {}): Block => ({
  backend: { s3: { bucket: "b", key: "k", use_lockfile: true, ...extra } },
});
const role = (trust: string) => ({
  aws_iam_role: { runner: { assume_role_policy: dataRef("aws_iam_policy_document", trust) } },
});
const serviceTrust = (condition?: Block[]): Block =>
  document({
    sid: "Service",
    actions: ["sts:AssumeRole"],
    principals: [{ type: "Service", identifiers: ["bedrock-agentcore.amazonaws.com"] }],
    ...(condition ? { condition } : {}),
  });
const keyPolicy = document({
  sid: "Account",
  actions: ["kms:Decrypt"],
  resources: ["*"],
  principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }],
});

/** A VPC Lambda whose role may write logs, and a logs endpoint admitting `admitted`. */
const coverage = (admitted: string[]) =>
  stacksOf(
    {
      aws_lambda_function: {
        tool: {
          role: ref("aws_iam_role", "tool", "arn"),
          vpc_config: { subnet_ids: ["subnet-1"], security_group_ids: ["sg-1"] },
        },
      },
      aws_iam_role: { tool: { assume_role_policy: dataRef("aws_iam_policy_document", "trust") } },
      aws_iam_role_policy: {
        tool: {
          role: ref("aws_iam_role", "tool"),
          policy: dataRef("aws_iam_policy_document", "tool"),
        },
      },
      aws_vpc_endpoint: {
        logs: {
          service_name: "com.amazonaws.us-west-2.logs",
          policy: dataRef("aws_iam_policy_document", "logs"),
        },
      },
    },
    {
      aws_iam_policy_document: {
        tool: document({
          sid: "Logs",
          actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
          resources: ["arn:aws:logs:us-west-2:1:log-group:g:*"],
        }),
        logs: document({ sid: "Logs", actions: admitted, resources: ["*"] }),
      },
    },
  );

const CASES: Record<string, Case> = {
  "NET-001": {
    violating: stacksOf({ aws_nat_gateway: { nat: { subnet_id: ref("aws_subnet", "a") } } }),
    passing: stacksOf({ aws_vpc: { main: vpc } }),
    address: `${STACK}/aws_nat_gateway.nat`,
  },
  "NET-002": {
    violating: stacksOf({ aws_vpc_peering_connection: { peer: { vpc_id: vpcId } } }),
    passing: stacksOf({ aws_vpc: { main: vpc } }),
    address: `${STACK}/aws_vpc_peering_connection.peer`,
  },
  "NET-003": {
    violating: stacksOf({
      aws_route: {
        out: { route_table_id: "rt", destination_cidr_block: "10.9.0.0/16", gateway_id: "igw-1" },
      },
    }),
    passing: stacksOf({ aws_route_table: { private: { vpc_id: vpcId } } }),
    address: `${STACK}/aws_route.out`,
  },
  "NET-004": {
    violating: stacksOf({
      aws_vpc_security_group_egress_rule: { any: egress({ cidr_ipv4: "0.0.0.0/0" }) },
    }),
    passing: stacksOf({ aws_vpc_security_group_egress_rule: { vpc: egress({}) } }),
    address: `${STACK}/aws_vpc_security_group_egress_rule.any`,
  },
  "NET-005": {
    violating: stacksOf({
      aws_vpc_security_group_egress_rule: { ssh: egress({ from_port: 22, to_port: 22 }) },
    }),
    passing: stacksOf({ aws_vpc_security_group_egress_rule: { tls: egress({}) } }),
    address: `${STACK}/aws_vpc_security_group_egress_rule.ssh`,
  },
  "NET-006": {
    violating: stacksOf({
      aws_vpc_security_group_egress_rule: { bare: egress({ description: " " }) },
    }),
    passing: stacksOf({ aws_vpc_security_group_egress_rule: { tls: egress({}) } }),
    address: `${STACK}/aws_vpc_security_group_egress_rule.bare`,
  },
  "NET-007": {
    violating: stacksOf({ aws_security_group: { app: { vpc_id: vpcId, egress: [] } } }),
    passing: stacksOf({ ...group, aws_vpc_security_group_egress_rule: { tls: egress({}) } }),
    address: `${STACK}/aws_security_group.app`,
  },
  "NET-008": {
    violating: stacksOf({ aws_vpc: { main: vpc } }),
    passing: stacksOf({ aws_vpc: { main: vpc }, ...lockedDefault }),
    address: `${STACK}/aws_vpc.main`,
  },
  "NET-009": {
    violating: stacksOf({
      aws_vpc: { main: vpc },
      aws_flow_log: { rejects: { vpc_id: vpcId, traffic_type: "REJECT" } },
    }),
    passing: stacksOf({ aws_vpc: { main: vpc }, ...flowLog }),
    address: `${STACK}/aws_vpc.main`,
  },
  "NET-010": {
    violating: stacksOf({
      aws_subnet: { a: subnet("usw2-az1", { map_public_ip_on_launch: true }) },
    }),
    passing: stacksOf({
      aws_subnet: { a: subnet("usw2-az1", { map_public_ip_on_launch: false }) },
    }),
    address: `${STACK}/aws_subnet.a`,
  },
  "NET-011": {
    violating: stacksOf({
      aws_vpc_endpoint: { s3: { vpc_id: vpcId, vpc_endpoint_type: "Gateway" } },
    }),
    passing: stacksOf(
      {
        aws_vpc_endpoint: {
          s3: { vpc_id: vpcId, policy: dataRef("aws_iam_policy_document", "s3") },
        },
      },
      {
        aws_iam_policy_document: {
          s3: document({ sid: "Get", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }),
        },
      },
    ),
    address: `${STACK}/aws_vpc_endpoint.s3`,
  },
  "NET-012": {
    violating: coverage(["logs:CreateLogStream"]),
    passing: coverage(["logs:CreateLogStream", "logs:PutLogEvents"]),
    address: `${STACK}/aws_lambda_function.tool`,
  },
  "REACH-001": {
    violating: stacksOf({
      ...group,
      aws_vpc: { main: vpc },
      aws_vpc_security_group_egress_rule: { out: egress({ cidr_ipv4: "52.0.0.0/8" }) },
    }),
    passing: stacksOf({
      ...group,
      aws_vpc: { main: vpc },
      aws_vpc_security_group_egress_rule: { tls: egress({}) },
    }),
    address: `${STACK}/aws_vpc_security_group_egress_rule.out`,
  },
  "REACH-002": {
    violating: stacksOf({
      aws_vpc: { main: vpc },
      aws_security_group: {
        security_groups_aurora: { vpc_id: vpcId },
        security_groups_endpoints: { vpc_id: vpcId },
      },
      aws_vpc_security_group_egress_rule: {
        extra: egress({ security_group_id: ref("aws_security_group", "security_groups_aurora") }),
      },
    }),
    passing: stacksOf({ aws_vpc: { main: vpc }, ...group }),
    address: `${STACK}/aws_vpc_security_group_egress_rule.extra`,
  },
  "REACH-003": {
    violating: stacksOf({
      aws_vpc: { main: vpc },
      aws_security_group: { security_groups_agent_runtime: { vpc_id: vpcId } },
      aws_vpc_security_group_ingress_rule: {
        into: egress({
          security_group_id: ref("aws_security_group", "security_groups_agent_runtime"),
        }),
      },
    }),
    passing: stacksOf({
      aws_vpc: { main: vpc },
      aws_security_group: { security_groups_agent_runtime: { vpc_id: vpcId } },
    }),
    address: `${STACK}/aws_vpc_security_group_ingress_rule.into`,
  },
  "IAM-001": {
    violating: stacksOf(
      {},
      {
        aws_iam_policy_document: {
          p: document({
            sid: "All",
            actions: ["dynamodb:*"],
            resources: ["arn:aws:dynamodb:::table/t"],
          }),
        },
      },
    ),
    passing: stacksOf(
      {},
      {
        aws_iam_policy_document: {
          p: document(
            {
              sid: "Get",
              actions: ["dynamodb:GetItem"],
              resources: ["arn:aws:dynamodb:::table/t"],
            },
            {
              // A wildcard in a Deny only takes access away (the state bucket's TLS-only rule).
              sid: "DenyPlainHttp",
              effect: "Deny",
              actions: ["s3:*"],
              resources: ["arn:aws:s3:::b/*"],
            },
          ),
        },
      },
    ),
    address: `${STACK}/data.aws_iam_policy_document.p`,
  },
  "IAM-002": {
    violating: stacksOf(
      {},
      {
        aws_iam_policy_document: {
          p: document({
            sid: "Any",
            actions: ["dynamodb:GetItem", "xray:PutTraceSegments"],
            resources: ["*"],
          }),
        },
      },
    ),
    passing: stacksOf(
      {
        aws_kms_key: {
          k: { policy: dataRef("aws_iam_policy_document", "key"), enable_key_rotation: true },
        },
      },
      {
        aws_iam_policy_document: {
          p: document({ sid: "Traces", actions: ["xray:PutTraceSegments"], resources: ["*"] }),
          key: keyPolicy,
        },
      },
    ),
    address: `${STACK}/data.aws_iam_policy_document.p`,
  },
  "IAM-003": {
    violating: stacksOf({
      aws_iam_role_policy_attachment: {
        admin: { role: "r", policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" },
      },
    }),
    passing: stacksOf({
      aws_iam_role_policy_attachment: {
        xray: { role: "r", policy_arn: "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess" },
      },
    }),
    address: `${STACK}/aws_iam_role_policy_attachment.admin`,
  },
  "IAM-004": {
    // A condition on the wrong key (the caller's account, not the source's) does not count.
    violating: stacksOf(role("trust"), {
      aws_iam_policy_document: {
        trust: serviceTrust([
          { test: "StringEquals", variable: "aws:PrincipalAccount", values: ["111122223333"] },
        ]),
      },
    }),
    passing: stacksOf(role("trust"), {
      aws_iam_policy_document: {
        trust: serviceTrust([
          { test: "StringEquals", variable: "aws:SourceAccount", values: ["111122223333"] },
        ]),
      },
    }),
    address: `${STACK}/aws_iam_role.runner`,
  },
  "IAM-005": {
    violating: stacksOf({
      aws_iam_role_policy: {
        raw: { role: "r", policy: '{"Statement":[{"Resource":"${aws_dynamodb_table.t.arn}"}]}' },
      },
    }),
    passing: stacksOf({
      aws_iam_role_policy: { doc: { role: "r", policy: dataRef("aws_iam_policy_document", "p") } },
    }),
    address: `${STACK}/aws_iam_role_policy.raw`,
  },
  "ENC-001": {
    violating: stacksOf({
      aws_cloudwatch_log_group: { plain: { name: "/x", retention_in_days: 30 } },
    }),
    passing: stacksOf({
      aws_cloudwatch_log_group: { cmk: { name: "/x", retention_in_days: 30, kms_key_id: "arn:k" } },
    }),
    address: `${STACK}/aws_cloudwatch_log_group.plain`,
  },
  "ENC-002": {
    violating: stacksOf({
      aws_dynamodb_table: { t: table({ server_side_encryption: { enabled: true } }) },
    }),
    passing: stacksOf({ aws_dynamodb_table: { t: table() } }),
    address: `${STACK}/aws_dynamodb_table.t`,
  },
  "ENC-003": {
    violating: stacksOf({ aws_rds_cluster: { db: cluster({ storage_encrypted: false }) } }),
    passing: stacksOf({ aws_rds_cluster: { db: cluster() } }),
    address: `${STACK}/aws_rds_cluster.db`,
  },
  "ENC-004": {
    violating: stacksOf({ aws_secretsmanager_secret: { s: { name: "client" } } }),
    passing: stacksOf({
      aws_secretsmanager_secret: { s: { name: "client", kms_key_id: "arn:k" } },
    }),
    address: `${STACK}/aws_secretsmanager_secret.s`,
  },
  "ENC-005": {
    violating: stacksOf({
      aws_ecr_repository: {
        r: { name: "agent", encryption_configuration: [{ encryption_type: "AES256" }] },
      },
    }),
    passing: stacksOf({
      aws_ecr_repository: {
        r: {
          name: "agent",
          encryption_configuration: [{ encryption_type: "KMS", kms_key: "arn:k" }],
        },
      },
    }),
    address: `${STACK}/aws_ecr_repository.r`,
  },
  "KMS-001": {
    violating: stacksOf({ aws_kms_key: { k: { enable_key_rotation: false } } }),
    passing: stacksOf({ aws_kms_key: { k: { enable_key_rotation: true } } }),
    address: `${STACK}/aws_kms_key.k`,
  },
  "LOG-001": {
    violating: stacksOf({
      aws_cloudwatch_log_group: { forever: { name: "/x", retention_in_days: 0, kms_key_id: "k" } },
    }),
    passing: stacksOf({
      aws_cloudwatch_log_group: { year: { name: "/x", retention_in_days: 365, kms_key_id: "k" } },
    }),
    address: `${STACK}/aws_cloudwatch_log_group.forever`,
  },
  "DDB-001": {
    violating: stacksOf({
      aws_dynamodb_table: { t: table({ point_in_time_recovery: { enabled: false } }) },
    }),
    passing: stacksOf({ aws_dynamodb_table: { t: table() } }),
    address: `${STACK}/aws_dynamodb_table.t`,
  },
  "DDB-002": {
    violating: stacksOf({
      aws_dynamodb_table: { t: table({ deletion_protection_enabled: undefined }) },
    }),
    passing: stacksOf({ aws_dynamodb_table: { t: table() } }),
    address: `${STACK}/aws_dynamodb_table.t`,
  },
  "RDS-001": {
    violating: stacksOf({ aws_rds_cluster: { db: cluster({ deletion_protection: false }) } }),
    passing: stacksOf({ aws_rds_cluster: { db: cluster() } }),
    address: `${STACK}/aws_rds_cluster.db`,
  },
  "RDS-002": {
    violating: stacksOf({ aws_rds_cluster: { db: cluster({ backup_retention_period: 1 }) } }),
    passing: stacksOf({ aws_rds_cluster: { db: cluster({ backup_retention_period: 14 }) } }),
    address: `${STACK}/aws_rds_cluster.db`,
  },
  "RDS-003": {
    violating: stacksOf({
      aws_rds_cluster: { db: cluster() },
      aws_rds_cluster_instance: { one: instance({ publicly_accessible: true }) },
    }),
    passing: stacksOf({
      aws_rds_cluster: { db: cluster() },
      aws_rds_cluster_instance: { one: instance() },
    }),
    address: `${STACK}/aws_rds_cluster_instance.one`,
  },
  "RDS-004": {
    violating: stacksOf({ aws_rds_cluster: { db: cluster({ enable_http_endpoint: false }) } }),
    passing: stacksOf({ aws_rds_cluster: { db: cluster() } }),
    address: `${STACK}/aws_rds_cluster.db`,
  },
  "RDS-005": {
    violating: stacksOf({
      aws_rds_cluster: { db: cluster() },
      aws_rds_cluster_instance: { one: instance({ engine: "aurora-mysql" }) },
    }),
    passing: stacksOf({
      aws_rds_cluster: { db: cluster() },
      aws_rds_cluster_instance: { one: instance() },
    }),
    address: `${STACK}/aws_rds_cluster_instance.one`,
  },
  "RDS-006": {
    violating: stacksOf({
      aws_rds_cluster: {
        db: cluster({ manage_master_user_password: undefined, master_password: "hunter2hunter2" }),
      },
    }),
    passing: stacksOf({ aws_rds_cluster: { db: cluster() } }),
    address: `${STACK}/aws_rds_cluster.db`,
  },
  "RDS-007": {
    violating: stacksOf({
      aws_subnet: { a: subnet("usw2-az1"), b: subnet("usw2-az1") },
      aws_db_subnet_group: { db: { subnet_ids: [ref("aws_subnet", "a"), ref("aws_subnet", "b")] } },
    }),
    passing: stacksOf({
      aws_subnet: { a: subnet("usw2-az1"), b: subnet("usw2-az2") },
      aws_db_subnet_group: { db: { subnet_ids: [ref("aws_subnet", "a"), ref("aws_subnet", "b")] } },
    }),
    address: `${STACK}/aws_db_subnet_group.db`,
  },
  "LAM-001": {
    violating: stacksOf({ aws_lambda_function: { f: lambda({ vpc_config: undefined }) } }),
    passing: stacksOf({ aws_lambda_function: { f: lambda() } }),
    address: `${STACK}/aws_lambda_function.f`,
  },
  "LAM-002": {
    violating: stacksOf({
      aws_lambda_function: { f: lambda({ tracing_config: { mode: "PassThrough" } }) },
    }),
    passing: stacksOf({ aws_lambda_function: { f: lambda() } }),
    address: `${STACK}/aws_lambda_function.f`,
  },
  "LAM-003": {
    violating: stacksOf({
      aws_lambda_function: { f: lambda({ reserved_concurrent_executions: -1 }) },
    }),
    passing: stacksOf({ aws_lambda_function: { f: lambda() } }),
    address: `${STACK}/aws_lambda_function.f`,
  },
  "ACR-001": {
    violating: stacksOf({
      aws_bedrockagentcore_agent_runtime: {
        r: runtime({ network_configuration: [{ network_mode: "PUBLIC" }] }),
      },
    }),
    passing: stacksOf({ aws_bedrockagentcore_agent_runtime: { r: runtime() } }),
    address: `${STACK}/aws_bedrockagentcore_agent_runtime.r`,
  },
  "ACR-002": {
    violating: stacksOf({
      aws_bedrockagentcore_agent_runtime: { r: runtime({ environment_variables: {} }) },
    }),
    passing: stacksOf({
      aws_bedrockagentcore_agent_runtime: { r: runtime({ environment_variables: { TABLE: "t" } }) },
    }),
    address: `${STACK}/aws_bedrockagentcore_agent_runtime.r`,
  },
  "ACR-003": {
    violating: stacksOf({
      aws_bedrockagentcore_agent_runtime: {
        r: runtime({ lifecycle_configuration: [{ idle_runtime_session_timeout: 900 }] }),
      },
    }),
    passing: stacksOf({
      aws_bedrockagentcore_agent_runtime: {
        r: runtime({
          lifecycle_configuration: [{ idle_runtime_session_timeout: 900, max_lifetime: 28800 }],
        }),
      },
    }),
    address: `${STACK}/aws_bedrockagentcore_agent_runtime.r`,
  },
  "ACR-004": {
    violating: stacksOf({
      aws_bedrockagentcore_agent_runtime: { r: runtime({ authorizer_configuration: undefined }) },
    }),
    passing: stacksOf({ aws_bedrockagentcore_agent_runtime: { r: runtime() } }),
    address: `${STACK}/aws_bedrockagentcore_agent_runtime.r`,
  },
  "ACR-005": {
    violating: stacksOf({
      aws_bedrockagentcore_gateway: { g: { name: "tools", authorizer_type: "AWS_IAM" } },
    }),
    passing: stacksOf({
      aws_bedrockagentcore_gateway: {
        g: { name: "tools", authorizer_type: "CUSTOM_JWT", authorizer_configuration: jwt },
      },
    }),
    address: `${STACK}/aws_bedrockagentcore_gateway.g`,
  },
  "ACR-006": {
    violating: stacksOf({
      aws_bedrockagentcore_gateway_target: {
        t: lambdaTarget({ oauth: [{ provider_arn: "arn:p", scopes: ["s"] }] }),
      },
    }),
    passing: stacksOf({
      aws_bedrockagentcore_gateway_target: { t: lambdaTarget({ gateway_iam_role: [{}] }) },
    }),
    address: `${STACK}/aws_bedrockagentcore_gateway_target.t`,
  },
  "ACR-007": {
    violating: stacksOf({
      aws_subnet: { a: subnet("usw2-az4") },
      aws_bedrockagentcore_agent_runtime: { r: runtime() },
    }),
    passing: stacksOf({
      aws_subnet: { a: subnet("usw2-az3") },
      aws_bedrockagentcore_agent_runtime: { r: runtime() },
    }),
    address: `${STACK}/aws_bedrockagentcore_agent_runtime.r`,
  },
  "COG-001": {
    violating: stacksOf({
      aws_cognito_user_pool_client: {
        c: client({
          allowed_oauth_flows: ["code", "implicit"],
          explicit_auth_flows: ["ALLOW_USER_PASSWORD_AUTH"],
        }),
      },
    }),
    passing: stacksOf({ aws_cognito_user_pool_client: { c: client() } }),
    address: `${STACK}/aws_cognito_user_pool_client.c`,
  },
  "COG-002": {
    violating: stacksOf({
      aws_cognito_user_pool_client: {
        c: client({ generate_secret: false, allowed_oauth_scopes: ["openid"] }),
      },
    }),
    passing: stacksOf({ aws_cognito_user_pool_client: { c: client() } }),
    address: `${STACK}/aws_cognito_user_pool_client.c`,
  },
  "S3-001": {
    violating: stacksOf({
      ...bucket,
      aws_s3_bucket_versioning: {
        v: { bucket: bucketRef, versioning_configuration: { status: "Suspended" } },
      },
    }),
    passing: stacksOf({
      ...bucket,
      aws_s3_bucket_versioning: {
        v: { bucket: bucketRef, versioning_configuration: { status: "Enabled" } },
      },
    }),
    address: `${STACK}/aws_s3_bucket.state`,
  },
  "S3-002": {
    violating: stacksOf({
      ...bucket,
      aws_s3_bucket_server_side_encryption_configuration: {
        e: {
          bucket: bucketRef,
          rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }],
        },
      },
    }),
    passing: stacksOf({
      ...bucket,
      aws_s3_bucket_server_side_encryption_configuration: {
        e: {
          bucket: bucketRef,
          rule: [
            {
              apply_server_side_encryption_by_default: {
                sse_algorithm: "aws:kms",
                kms_master_key_id: "arn:k",
              },
            },
          ],
        },
      },
    }),
    address: `${STACK}/aws_s3_bucket.state`,
  },
  "S3-003": {
    violating: stacksOf({ ...bucket }),
    passing: stacksOf(
      {
        ...bucket,
        aws_s3_bucket_policy: {
          tls: { bucket: bucketRef, policy: dataRef("aws_iam_policy_document", "tls") },
        },
      },
      {
        aws_iam_policy_document: {
          tls: document({
            sid: "TlsOnly",
            effect: "Deny",
            actions: ["s3:GetObject"],
            resources: ["arn:aws:s3:::tfstate/*"],
            principals: [{ type: "*", identifiers: ["*"] }],
            condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
          }),
        },
      },
    ),
    address: `${STACK}/aws_s3_bucket.state`,
  },
  "S3-004": {
    violating: stacksOf({
      ...bucket,
      aws_s3_bucket_public_access_block: { p: { bucket: bucketRef, block_public_acls: true } },
    }),
    passing: stacksOf({
      ...bucket,
      aws_s3_bucket_public_access_block: {
        p: {
          bucket: bucketRef,
          block_public_acls: true,
          block_public_policy: true,
          ignore_public_acls: true,
          restrict_public_buckets: true,
        },
      },
    }),
    address: `${STACK}/aws_s3_bucket.state`,
  },
  "TF-001": {
    violating: stacksOf(
      {},
      {},
      backend({ use_lockfile: undefined, dynamodb_table: "locks", encrypt: true }),
    ),
    passing: stacksOf({}, {}, backend()),
    address: `${STACK}/terraform.backend.s3`,
  },
  "TF-002": {
    violating: { ...stacksOf({}, {}, backend()), "data-test": { terraform: backend() } },
    passing: {
      ...stacksOf({}, {}, backend()),
      "data-test": { terraform: backend({ key: "other" }) },
    },
    address: "data-test/terraform.backend.s3",
  },
  "TF-003": {
    violating: stacksOf({ aws_dynamodb_table: { t: table() } }),
    passing: stacksOf({
      aws_dynamodb_table: { t: table({ lifecycle: { prevent_destroy: true } }) },
    }),
    address: `${STACK}/aws_dynamodb_table.t`,
  },
};

describe("the policy pack", () => {
  it("has at least 25 rules with unique, well-formed ids", () => {
    const ids = POLICY_PACK.map((rule) => rule.id);
    expect(ids.length).toBeGreaterThanOrEqual(25);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z0-9]+-\d{3}$/);
  });

  it("documents every rule: title, rationale, fix and at least one HIPAA or PCI control", () => {
    for (const rule of POLICY_PACK) {
      expect([
        rule.id,
        rule.title.length > 10,
        rule.rationale.length > 20,
        rule.fix.length > 10,
      ]).toEqual([rule.id, true, true, true]);
      expect(rule.controls.some((control) => /^(HIPAA|PCI DSS) /.test(control))).toBe(true);
    }
  });

  it("has a violating and a passing case for every rule, and no case for a rule it lacks", () => {
    expect(Object.keys(CASES).sort()).toEqual(POLICY_PACK.map((rule) => rule.id).sort());
  });
});

describe("RDS-007 reading where subnets are", () => {
  const groupOf = (a: Block, b: Block) =>
    stacksOf({
      aws_subnet: { a, b },
      aws_db_subnet_group: { db: { subnet_ids: [ref("aws_subnet", "a"), ref("aws_subnet", "b")] } },
    });
  const name = (zone: string) => ({ vpc_id: vpcId, availability_zone: zone });
  const check = (a: Block, b: Block) => dbSubnetGroupAzs.check(groupOf(a, b), context);

  it("still compares subnets pinned by AZ name alone", () => {
    expect(check(name("us-west-2a"), name("us-west-2b"))).toEqual([]);
    expect(check(name("us-west-2a"), name("us-west-2a"))).toEqual([
      { address: `${STACK}/aws_db_subnet_group.db`, message: "subnets cover 1 AZ(s)" },
    ]);
  });

  it("warns, not passes, when one subnet is pinned by ID and the other by name", () => {
    const [finding] = check(subnet("usw2-az1"), name("us-west-2b"));
    expect(finding).toMatchObject({ severity: "warning" });
    expect(finding.message).toContain("mix AZ IDs and AZ names");
  });

  it("warns when a subnet's zone is unset or known only at apply", () => {
    const [finding] = check(
      subnet("usw2-az1"),
      subnet(dataRef("aws_availability_zone", "b", "zone_id")),
    );
    expect(finding).toMatchObject({ severity: "warning" });
    expect(finding.message).toBe(`${STACK}/aws_subnet.b has no literal AZ to compare`);
  });
});

describe("ACR-007 reading where a runtime's subnets are", () => {
  const check = (a: Block, subnets = [ref("aws_subnet", "a")]) => {
    const config = [{ subnets, security_groups: [ref("aws_security_group", "mcp")] }];
    const network = [{ network_mode: "VPC", network_mode_config: config }];
    const r = runtime({ network_configuration: network });
    return agentcoreSupportedZones.check(
      stacksOf({ aws_subnet: { a }, aws_bedrockagentcore_agent_runtime: { r } }),
      context,
    );
  };
  const address = `${STACK}/aws_bedrockagentcore_agent_runtime.r`;

  it("names the zone and the region's supported ones when the ID is outside them", () => {
    expect(check(subnet("usw2-az4"))).toEqual([
      {
        address,
        message: `subnet ${STACK}/aws_subnet.a is in usw2-az4; AgentCore supports usw2-az1, usw2-az2, usw2-az3 in us-west-2`,
      },
    ]);
  });

  it("refuses a subnet pinned by AZ name, which is a different zone per account", () => {
    const [finding] = check({ vpc_id: vpcId, availability_zone: "us-west-2a" });
    expect(finding).toMatchObject({ address });
    expect(finding).not.toHaveProperty("severity");
    expect(finding.message).toContain("pinned by AZ name us-west-2a");
  });

  it("refuses a subnet whose zone is set by neither argument", () => {
    const [finding] = check({ vpc_id: vpcId });
    expect(finding.message).toContain("has no literal availability_zone_id");
  });

  it("warns when a subnet id cannot be traced to a subnet block", () => {
    expect(check(subnet("usw2-az1"), ["subnet-0abc"])).toEqual([
      { address, severity: "warning", message: "cannot trace subnet-0abc to a subnet's AZ" },
    ]);
  });
});

describe.each(POLICY_PACK.map((rule) => [rule.id, rule] as const))("rule %s", (id, rule) => {
  const fixture = CASES[id];

  it("reports the violating fixture at its address", () => {
    const findings = rule.check(fixture.violating, context);
    expect(findings.map((finding) => finding.address)).toContain(fixture.address);
  });

  it("passes the compliant fixture", () => {
    expect(rule.check(fixture.passing, context)).toEqual([]);
  });
});

describe("rule TF-001 on state encryption", () => {
  const rule = POLICY_PACK.find((candidate) => candidate.id === "TF-001")!;

  it("flags encrypt = true without kms_key_id, which would replace the bucket's KMS key with SSE-S3", () => {
    const findings = rule.check(stacksOf({}, {}, backend({ encrypt: true })), context);
    expect(findings.map((finding) => finding.message)).toEqual([
      "encrypt = true without kms_key_id forces SSE-S3 over the bucket's KMS key",
    ]);
  });

  it("accepts encrypt with an explicit kms_key_id", () => {
    const withKey = backend({ encrypt: true, kms_key_id: "arn:aws:kms:us-west-2:1:key/k" });
    expect(rule.check(stacksOf({}, {}, withKey), context)).toEqual([]);
  });
});
