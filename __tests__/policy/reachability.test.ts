import { parseConfig } from "../../src/config";
import { proveReachability, renderReachabilityMarkdown } from "../../src/policy/reachability";
import type { Stacks } from "../../src/policy/types";
import type { TerraformJson } from "../../src/synth/pipeline";
import { ref, synthStacks } from "../support/synth";

const config = parseConfig({});
const pristine = synthStacks();
const NETWORK = "network-default";
const group = (name: string) => ref("aws_security_group", `security_groups_${name}`);

/** A deep copy of the default stacks with one change made to the network stack. */
function mutated(change: (network: TerraformJson) => void): Stacks {
  const copy = structuredClone(pristine);
  change(copy[NETWORK]);
  return copy;
}

function addEgress(network: TerraformJson, name: string, rule: Record<string, unknown>): void {
  network.resource!.aws_vpc_security_group_egress_rule[name] = {
    ip_protocol: "tcp",
    from_port: 443,
    to_port: 443,
    description: "planted by a test",
    ...rule,
  };
}

const summary = (stacks: Stacks) =>
  proveReachability(stacks, config)
    .flows.map(
      (flow) => `${flow.group} ${flow.direction} ${flow.peer} ${flow.port} ${flow.effective}`,
    )
    .sort();

describe("the reachability proof on the default topology", () => {
  const proof = proveReachability(pristine, config);

  it("lets the agent runtime reach only the endpoint group and the S3 gateway, on 443", () => {
    expect(summary(pristine).filter((line) => line.startsWith("agent-runtime"))).toEqual([
      "agent-runtime egress group:endpoints 443 true",
      "agent-runtime egress prefix-list:s3 443 true",
    ]);
  });

  it("lets the MCP runtime reach nothing but the endpoint group, DynamoDB and S3, on 443", () => {
    expect(summary(pristine).filter((line) => line.startsWith("mcp-runtime"))).toEqual([
      "mcp-runtime egress group:endpoints 443 true",
      "mcp-runtime egress prefix-list:dynamodb 443 true",
      "mcp-runtime egress prefix-list:s3 443 true",
    ]);
  });

  it("lets the gateway Lambdas reach the endpoint group and DynamoDB, and Aurora nothing", () => {
    expect(summary(pristine).filter((line) => /^(gateway-lambda|aurora)/.test(line))).toEqual([
      "gateway-lambda egress group:endpoints 443 true",
      "gateway-lambda egress prefix-list:dynamodb 443 true",
    ]);
  });

  it("names the twelve interface services behind the endpoint group", () => {
    const toEndpoints = proof.flows.find((flow) => flow.peer === "group:endpoints");
    expect(toEndpoints?.reaches).toMatch(/^interface endpoints \(bedrock-runtime, .*xray\)$/);
    expect(toEndpoints?.reaches.split(",")).toHaveLength(12);
  });

  it("holds all three assertions", () => {
    expect([proof.leaving, proof.mismatches, proof.inbound]).toEqual([[], [], []]);
  });

  it("renders a Markdown table per workload and the verdicts", () => {
    const markdown = renderReachabilityMarkdown(proof);
    expect(markdown).toContain("| aurora | — | nothing | — | — | — |");
    expect(markdown).toContain(
      "| mcp-runtime | egress | dynamodb gateway endpoint | 443 | yes | `network-default/aws_vpc_security_group_egress_rule.security_groups_mcp_runtime_to_dynamodb` |",
    );
    expect(markdown).toContain(
      "- no path leaves the VPC except through the declared endpoints: **holds**",
    );
  });
});

describe("the reachability proof catches a changed rule", () => {
  it("an egress from the agent runtime to 0.0.0.0/0 is a path out of the VPC", () => {
    const stacks = mutated((network) =>
      addEgress(network, "open", {
        security_group_id: group("agent_runtime"),
        cidr_ipv4: "0.0.0.0/0",
      }),
    );
    expect(proveReachability(stacks, config).leaving).toEqual([
      {
        address: `${NETWORK}/aws_vpc_security_group_egress_rule.open`,
        message: "egress 443 to 0.0.0.0/0, outside the VPC",
      },
    ]);
  });

  it("an egress from the MCP runtime to Aurora on 5432 breaks the declared matrix", () => {
    const stacks = mutated((network) =>
      addEgress(network, "to_db", {
        security_group_id: group("mcp_runtime"),
        referenced_security_group_id: group("aurora"),
        from_port: 5432,
        to_port: 5432,
      }),
    );
    expect(proveReachability(stacks, config).mismatches).toEqual([
      {
        address: `${NETWORK}/aws_vpc_security_group_egress_rule.to_db`,
        message: "mcp-runtime egress group:aurora 5432 is not in the declared matrix",
      },
    ]);
  });

  it("an ingress to the agent runtime is a way in", () => {
    const stacks = mutated((network) => {
      network.resource!.aws_vpc_security_group_ingress_rule.into_agent = {
        security_group_id: group("agent_runtime"),
        ip_protocol: "tcp",
        from_port: 443,
        to_port: 443,
        cidr_ipv4: "10.0.0.0/16",
        description: "planted",
      };
    });
    expect(proveReachability(stacks, config).inbound).toEqual([
      {
        address: `${NETWORK}/aws_vpc_security_group_ingress_rule.into_agent`,
        message: "admits 443 inbound to agent-runtime",
      },
    ]);
  });

  it("an endpoint group that no longer admits the VPC blocks the declared endpoint flows", () => {
    const stacks = mutated((network) => {
      delete network.resource!.aws_vpc_security_group_ingress_rule
        .security_groups_endpoints_from_vpc;
    });
    const messages = proveReachability(stacks, config).mismatches.map((m) => m.message);
    expect(messages).toContain(
      "agent-runtime egress group:endpoints 443 is declared but blocked: interface endpoints " +
        "(bedrock-runtime, bedrock-agentcore, bedrock-agentcore.gateway, ecr.api, ecr.dkr, logs, " +
        "monitoring, secretsmanager, ssm, rds-data, kms, xray) — not admitted by their group",
    );
    expect(messages).toContain("endpoints ingress vpc-cidr 443 is declared but not synthesized");
  });

  it("a gateway endpoint on no route table blocks the prefix-list flows", () => {
    const stacks = mutated((network) => {
      network.resource!.aws_vpc_endpoint.gateway_endpoints_dynamodb.route_table_ids = [];
    });
    expect(
      proveReachability(stacks, config)
        .mismatches.map((m) => m.message)
        .sort(),
    ).toEqual([
      "gateway-lambda egress prefix-list:dynamodb 443 is declared but blocked: dynamodb gateway endpoint (no subnet routes to it)",
      "mcp-runtime egress prefix-list:dynamodb 443 is declared but blocked: dynamodb gateway endpoint (no subnet routes to it)",
    ]);
  });

  it("a literal prefix list or a default route leaves the VPC", () => {
    const stacks = mutated((network) => {
      addEgress(network, "pl", {
        security_group_id: group("gateway_lambda"),
        prefix_list_id: "pl-12345",
      });
      network.resource!.aws_route = {
        out: {
          route_table_id: ref("aws_route_table", "network_private_route_table"),
          destination_cidr_block: "0.0.0.0/0",
          vpc_peering_connection_id: "pcx-1",
        },
      };
    });
    expect(proveReachability(stacks, config).leaving.map((f) => f.message)).toEqual([
      "route to 0.0.0.0/0 leaves the VPC",
      "egress 443 to prefix list pl-12345, not a gateway endpoint's",
    ]);
  });

  it("a rule dropped from the synthesized JSON is reported as declared but missing", () => {
    const stacks = mutated((network) => {
      delete network.resource!.aws_vpc_security_group_egress_rule
        .security_groups_agent_runtime_to_s3;
    });
    expect(proveReachability(stacks, config).mismatches).toEqual([
      {
        address: "declared/agent-runtime-to-s3",
        message: "agent-runtime egress prefix-list:s3 443 is declared but not synthesized",
      },
    ]);
  });
});
