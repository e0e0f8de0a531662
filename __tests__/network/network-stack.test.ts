import { parseConfig } from "../../src/config";
import {
  INTERFACE_ENDPOINT_CATALOGUE,
  SEED_INTERFACE_ENDPOINTS,
} from "../../src/network/endpoint-catalogue";
import { declaredMatrix, SECURITY_GROUPS } from "../../src/network/security-group-matrix";
import { PORTS } from "../../src/shared/ports";
import type { TerraformJson } from "../../src/synth/pipeline";
import { allResources, dataOf, follow, ref, resourcesOf, synthStacks } from "../support/synth";

const network = (input = {}): TerraformJson => {
  const stacks = synthStacks(input);
  const name = Object.keys(stacks).find((stack) => stack.startsWith("network-"));
  if (!name) throw new Error("no network stack synthesized");
  return stacks[name];
};

/** Every string anywhere inside a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

describe("the network stack", () => {
  const stack = network();
  const vpcRef = ref("aws_vpc", "network_vpc");

  it("has one VPC with the seed CIDR and DNS support for private endpoints", () => {
    const vpcs = resourcesOf(stack, "aws_vpc");
    expect(Object.keys(vpcs)).toEqual(["network_vpc"]);
    expect(vpcs.network_vpc).toMatchObject({
      cidr_block: "10.0.0.0/16",
      enable_dns_support: true,
      enable_dns_hostnames: true,
    });
  });

  it("places each subnet at the seed's CIDR, in an AgentCore zone by ID, never with public IPs", () => {
    const subnets = resourcesOf(stack, "aws_subnet");
    const placement = Object.values(subnets).map((subnet) => [
      (subnet.tags as Record<string, string>).Role,
      subnet.cidr_block,
      subnet.availability_zone_id,
      subnet.map_public_ip_on_launch,
      subnet.vpc_id,
    ]);
    expect(placement).toEqual([
      ["agent-runtime", "10.0.3.0/24", "usw2-az1", false, vpcRef],
      ["data", "10.0.4.0/24", "usw2-az2", false, vpcRef],
      ["mcp-runtime", "10.0.1.0/24", "usw2-az3", false, vpcRef],
    ]);
  });

  it("never names an AZ: names are per-account aliases, so the provider computes them", () => {
    for (const subnet of Object.values(resourcesOf(stack, "aws_subnet"))) {
      expect(subnet).not.toHaveProperty("availability_zone");
    }
  });

  it("has no path to the internet: no gateway of any kind, no route, no default route", () => {
    const types = allResources(stack).map(([type]) => type);
    for (const forbidden of [
      "aws_internet_gateway",
      "aws_nat_gateway",
      "aws_egress_only_internet_gateway",
      "aws_eip",
      "aws_route",
      "aws_vpn_gateway",
      "aws_vpc_peering_connection",
      "aws_ec2_transit_gateway_vpc_attachment",
    ]) {
      expect(types).not.toContain(forbidden);
    }
    for (const table of Object.values(resourcesOf(stack, "aws_route_table"))) {
      expect(table.route ?? []).toEqual([]);
    }
    const everything = strings(stack.resource);
    expect(everything).not.toContain("0.0.0.0/0");
    expect(everything).not.toContain("::/0");
  });

  it("associates every subnet with the one private route table", () => {
    const tables = Object.keys(resourcesOf(stack, "aws_route_table"));
    expect(tables).toEqual(["network_private_route_table"]);
    const associated = Object.values(resourcesOf(stack, "aws_route_table_association"));
    expect(associated.map((a) => a.route_table_id)).toEqual(
      Array(3).fill(ref("aws_route_table", "network_private_route_table")),
    );
    expect(associated.map((a) => follow(stack, a.subnet_id).cidr_block).sort()).toEqual([
      "10.0.1.0/24",
      "10.0.3.0/24",
      "10.0.4.0/24",
    ]);
  });

  it("locks the default security group with no rules at all", () => {
    const locked = resourcesOf(stack, "aws_default_security_group").network_default_security_group;
    expect(locked.vpc_id).toBe(vpcRef);
    expect(locked).not.toHaveProperty("ingress");
    expect(locked).not.toHaveProperty("egress");
  });

  it("attaches S3 and DynamoDB gateway endpoints to the private route table", () => {
    const endpoints = Object.values(resourcesOf(stack, "aws_vpc_endpoint")).filter(
      (endpoint) => endpoint.vpc_endpoint_type === "Gateway",
    );
    expect(endpoints.map((e) => e.service_name).sort()).toEqual([
      "com.amazonaws.us-west-2.dynamodb",
      "com.amazonaws.us-west-2.s3",
    ]);
    for (const endpoint of endpoints) {
      expect(endpoint.route_table_ids).toEqual([
        ref("aws_route_table", "network_private_route_table"),
      ]);
    }
  });

  it("builds the seed's twelve interface endpoints in all three subnets behind the endpoint group", () => {
    const endpoints = Object.values(resourcesOf(stack, "aws_vpc_endpoint")).filter(
      (endpoint) => endpoint.vpc_endpoint_type === "Interface",
    );
    expect(endpoints.map((e) => e.service_name)).toEqual(
      SEED_INTERFACE_ENDPOINTS.map((service) => `com.amazonaws.us-west-2.${service}`),
    );
    for (const endpoint of endpoints) {
      expect(endpoint.private_dns_enabled).toBe(true);
      expect(endpoint.vpc_id).toBe(vpcRef);
      expect(
        (endpoint.subnet_ids as string[]).map((id) => follow(stack, id).availability_zone_id),
      ).toEqual(["usw2-az1", "usw2-az2", "usw2-az3"]);
      expect(endpoint.security_group_ids).toEqual([
        ref("aws_security_group", "security_groups_endpoints"),
      ]);
    }
  });

  it("admits bearer-token (JWT) calls to the MCP runtime and the gateway, which SigV4 rules would deny", () => {
    const bearer = (name: string) =>
      (
        follow(stack, resourcesOf(stack, "aws_vpc_endpoint")[name].policy).statement as {
          sid: string;
          actions: string[];
        }[]
      ).filter((s) => s.sid === "BearerTokenCallsToThisAccountsResources");
    expect(bearer("interface_endpoints_bedrock_agentcore").map((s) => s.actions)).toEqual([
      ["bedrock-agentcore:InvokeAgentRuntime"],
    ]);
    expect(bearer("interface_endpoints_bedrock_agentcore_gateway").map((s) => s.actions)).toEqual([
      ["bedrock-agentcore:InvokeGateway"],
    ]);
    expect(bearer("interface_endpoints_logs")).toEqual([]);
  });

  it("gives every endpoint a policy limited to this account and the catalogued actions", () => {
    const account = "${data.aws_caller_identity.account_caller.account_id}";
    for (const [name, endpoint] of Object.entries(resourcesOf(stack, "aws_vpc_endpoint"))) {
      const policy = follow(stack, endpoint.policy);
      const statements = policy.statement as Record<string, unknown>[];
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) {
        for (const action of statement.actions as string[]) expect(action).not.toMatch(/\*/);
        if (name === "gateway_endpoints_s3") {
          // The documented exception: ECR's pre-signed layer reads, one AWS-owned bucket.
          expect(statement.resources).toEqual([
            "arn:${data.aws_partition.account_partition.partition}:s3:::prod-us-west-2-starport-layer-bucket/*",
          ]);
          continue;
        }
        if (statement.sid === "BearerTokenCallsToThisAccountsResources") {
          // OAuth calls carry no IAM principal: no account condition, so the resources must
          // be this account's runtimes or gateways and nothing else.
          expect(statement.condition).toBeUndefined();
          for (const resource of statement.resources as string[]) {
            expect(resource).toMatch(
              new RegExp(
                `:bedrock-agentcore:us-west-2:\\$\\{[^}]+account_id\\}:(runtime|gateway)/\\*$`,
              ),
            );
          }
          continue;
        }
        expect(statement.condition).toEqual([
          { test: "StringEquals", variable: "aws:PrincipalAccount", values: [account] },
        ]);
      }
      const service = String(endpoint.service_name).replace("com.amazonaws.us-west-2.", "");
      if (endpoint.vpc_endpoint_type === "Interface") {
        expect(statements[0].actions).toEqual(INTERFACE_ENDPOINT_CATALOGUE[service].actions);
      }
    }
  });
});

describe("the ECR endpoint policies", () => {
  const stack = network();

  it("pull images only from this account's repositories; only GetAuthorizationToken gets *", () => {
    for (const name of ["interface_endpoints_ecr_api", "interface_endpoints_ecr_dkr"]) {
      const endpoint = resourcesOf(stack, "aws_vpc_endpoint")[name];
      const statements = follow(stack, endpoint.policy).statement as Record<string, unknown>[];
      expect(statements.map((s) => [s.actions, s.resources])).toEqual([
        [
          ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
          [
            "arn:${data.aws_partition.account_partition.partition}:ecr:us-west-2:" +
              "${data.aws_caller_identity.account_caller.account_id}:repository/*",
          ],
        ],
        [["ecr:GetAuthorizationToken"], ["*"]],
      ]);
    }
  });
});

describe("the security-group matrix", () => {
  const stack = network();
  const groupIds = Object.fromEntries(
    Object.keys(SECURITY_GROUPS).map((name) => [
      ref("aws_security_group", `security_groups_${name.replace(/-/g, "_")}`),
      name,
    ]),
  );
  const prefixLists: Record<string, string> = {
    [ref("aws_vpc_endpoint", "gateway_endpoints_s3", "prefix_list_id")]: "prefix-list:s3",
    [ref("aws_vpc_endpoint", "gateway_endpoints_dynamodb", "prefix_list_id")]:
      "prefix-list:dynamodb",
  };

  /** The synthesized rules, reduced to comparable rows. */
  function synthesizedRows(json: TerraformJson) {
    const rows: string[] = [];
    for (const direction of ["ingress", "egress"] as const) {
      for (const rule of Object.values(
        resourcesOf(json, `aws_vpc_security_group_${direction}_rule`),
      )) {
        const peer =
          rule.referenced_security_group_id !== undefined
            ? `group:${groupIds[String(rule.referenced_security_group_id)]}`
            : rule.prefix_list_id !== undefined
              ? prefixLists[String(rule.prefix_list_id)]
              : `cidr:${String(rule.cidr_ipv4)}`;
        rows.push(
          `${groupIds[String(rule.security_group_id)]} ${direction} ${peer} ${String(rule.ip_protocol)}/${String(rule.from_port)}-${String(rule.to_port)}`,
        );
        expect(String(rule.description).length).toBeGreaterThan(10);
      }
    }
    return rows.sort();
  }

  it("synthesizes exactly the declared rows, nothing more", () => {
    const declared = declaredMatrix(parseConfig({}))
      .map((rule) => {
        const peer =
          rule.peer.kind === "group"
            ? `group:${rule.peer.group}`
            : rule.peer.kind === "prefix-list"
              ? `prefix-list:${rule.peer.service}`
              : "cidr:10.0.0.0/16";
        return `${rule.group} ${rule.direction} ${peer} tcp/${PORTS[rule.port]}-${PORTS[rule.port]}`;
      })
      .sort();
    expect(synthesizedRows(stack)).toEqual(declared);
  });

  it("matches the seed: runtimes and Lambdas send only TLS, to endpoints and DynamoDB, and receive nothing", () => {
    expect(synthesizedRows(stack)).toEqual([
      "agent-runtime egress group:endpoints tcp/443-443",
      "agent-runtime egress prefix-list:s3 tcp/443-443",
      "endpoints ingress cidr:10.0.0.0/16 tcp/443-443",
      "gateway-lambda egress group:endpoints tcp/443-443",
      "gateway-lambda egress prefix-list:dynamodb tcp/443-443",
      "mcp-runtime egress group:endpoints tcp/443-443",
      "mcp-runtime egress prefix-list:dynamodb tcp/443-443",
      "mcp-runtime egress prefix-list:s3 tcp/443-443",
    ]);
  });

  it("drops the S3 image-layer rows when imageLayerEgress is off", () => {
    const rows = synthesizedRows(network({ network: { imageLayerEgress: false } }));
    expect(rows.filter((row) => row.includes("prefix-list:s3"))).toEqual([]);
    expect(rows).toHaveLength(6);
  });

  it("uses one rule style: groups carry no inline ingress or egress attribute", () => {
    for (const group of Object.values(resourcesOf(stack, "aws_security_group"))) {
      expect(group).not.toHaveProperty("ingress");
      expect(group).not.toHaveProperty("egress");
      expect(group.vpc_id).toBe(ref("aws_vpc", "network_vpc"));
    }
    expect(resourcesOf(stack, "aws_security_group_rule")).toEqual({});
  });
});

describe("VPC flow logs", () => {
  const stack = network({ network: { flowLogs: { retentionDays: 90 } } });
  const flowLog = resourcesOf(stack, "aws_flow_log").flow_logs_flow_log;

  it("capture ALL traffic of the VPC into the encrypted log group", () => {
    expect(flowLog).toMatchObject({
      vpc_id: ref("aws_vpc", "network_vpc"),
      traffic_type: "ALL",
      log_destination_type: "cloud-watch-logs",
    });
    const group = follow(stack, flowLog.log_destination);
    expect(group.retention_in_days).toBe(90);
    const key = follow(stack, group.kms_key_id);
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    expect(key.lifecycle).toEqual({ prevent_destroy: true });
    expect(group.lifecycle).toEqual({ prevent_destroy: true });
  });

  it("let the logs service use the key only for the flow-log group", () => {
    const group = follow(stack, flowLog.log_destination);
    const key = follow(stack, group.kms_key_id);
    const statements = follow(stack, key.policy).statement as Record<string, unknown>[];
    const logs = statements.find((s) => s.sid === "CloudWatchLogsForTheFlowLogGroup");
    expect(logs?.principals).toEqual([
      { type: "Service", identifiers: ["logs.us-west-2.amazonaws.com"] },
    ]);
    expect(logs?.condition).toEqual([
      {
        test: "ArnEquals",
        variable: "kms:EncryptionContext:aws:logs:arn",
        values: [
          `arn:\${data.aws_partition.account_partition.partition}:logs:us-west-2:\${data.aws_caller_identity.account_caller.account_id}:log-group:${String(group.name)}`,
        ],
      },
    ]);
  });

  it("deliver through a role that trusts only the flow-logs service of this account", () => {
    const role = follow(stack, flowLog.iam_role_arn);
    const trust = follow(stack, role.assume_role_policy).statement as Record<string, unknown>[];
    expect(trust).toHaveLength(1);
    expect(trust[0].principals).toEqual([
      { type: "Service", identifiers: ["vpc-flow-logs.amazonaws.com"] },
    ]);
    expect((trust[0].condition as { variable: string }[]).map((c) => c.variable).sort()).toEqual([
      "aws:SourceAccount",
      "aws:SourceArn",
    ]);
  });

  it("may write to that log group only", () => {
    const policies = Object.values(resourcesOf(stack, "aws_iam_role_policy"));
    expect(policies).toHaveLength(1);
    const statements = follow(stack, policies[0].policy).statement as Record<string, unknown>[];
    const groupArn = ref("aws_cloudwatch_log_group", "flow_logs_log_group", "arn");
    expect(statements.flatMap((s) => s.resources as string[])).toEqual([
      groupArn,
      `${groupArn}:log-stream:*`,
    ]);
  });
});

describe("state and addresses", () => {
  const stack = network();

  it("keeps state in S3 under the bucket's own KMS key (no SSE-S3 override), S3-native locking, no DynamoDB lock table", () => {
    const s3 = (stack.terraform as { backend: { s3: Record<string, unknown> } }).backend.s3;
    expect(s3).toEqual({
      bucket: "customer-support-agentcore-tfstate",
      key: "agentcore/default/network.tfstate",
      region: "us-west-2",
      use_lockfile: true,
    });
  });

  it("uses readable snake_case addresses derived from construct ids", () => {
    for (const [, name] of allResources(stack)) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(Object.keys(dataOf(stack, "aws_caller_identity"))).toEqual(["account_caller"]);
  });

  it("is byte-identical when synthesized twice", () => {
    expect(JSON.stringify(network())).toBe(JSON.stringify(stack));
  });
});
