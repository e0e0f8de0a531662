import { readdirSync } from "node:fs";
import { parseConfig } from "../../../src/config";
import { LAMBDA_TRUST_SUPPRESSIONS } from "../../../src/config/schema/policy";
import { ENDPOINT_PRICING } from "../../../src/ops/pricing";
import { buildReport, REPORT_SECTIONS, writeReports } from "../../../src/ops/report";
import { endpointCost } from "../../../src/ops/report/sections/endpoint-cost";
import { terraformOutputs } from "../../../src/ops/report/sections/outputs";
import { securityGroupMatrix } from "../../../src/ops/report/sections/security-group-matrix";
import { topology, toDot, toMermaid } from "../../../src/ops/report/sections/topology";
import { StackSet } from "../../../src/ops/report/terraform-json";
import { PolicyViolations } from "../../../src/policy/engine";
import type { TerraformJson } from "../../../src/synth/pipeline";
import { scratchDirs } from "../../support/scratch";
import { allResources, synthStacks } from "../../support/synth";

const PRICING = ENDPOINT_PRICING["us-west-2"];
const stackSet = (input = {}) => new StackSet(synthStacks(input));

describe("the endpoint cost estimate", () => {
  it("is the seed's figure for the seed's endpoints: 12 × 3 AZ × $0.01 × 730 h = $262.80", () => {
    const cost = endpointCost(stackSet(), PRICING);
    expect(cost.interfaceEndpoints).toBe(12);
    expect(cost.hourlyMonthly).toBe(262.8);
    expect(cost.dataMonthly).toBe(1);
    expect(cost.totalMonthly).toBe(263.8);
    expect(cost.lines.filter((line) => line.type === "Gateway")).toEqual([
      { service: "s3", type: "Gateway", azs: 0, monthly: 0 },
      { service: "dynamodb", type: "Gateway", azs: 0, monthly: 0 },
    ]);
  });

  it("follows the synthesized endpoint list, not a constant", () => {
    const cost = endpointCost(
      stackSet({ network: { interfaceEndpoints: ["logs", "kms", "ecr.api", "ecr.dkr", "ssm"] } }),
      PRICING,
    );
    expect(cost.interfaceEndpoints).toBe(5);
    expect(cost.hourlyMonthly).toBe(109.5);
  });

  it("follows the rates, which are data", () => {
    const cost = endpointCost(stackSet(), { ...PRICING, interfaceHourlyPerAz: 0.012 });
    expect(cost.hourlyMonthly).toBe(315.36);
  });
});

describe("the security-group matrix", () => {
  const stacks = stackSet();
  const rows = securityGroupMatrix(stacks);

  it("has one row per synthesized rule resource", () => {
    const network = Object.values(stacks.stacks).flatMap(allResources);
    const rules = network.filter(([type]) => type.startsWith("aws_vpc_security_group_"));
    expect(rows).toHaveLength(rules.length);
    expect(rows.length).toBe(8);
  });

  it("names both ends and the purpose from the rule description", () => {
    expect(rows).toContainEqual(
      expect.objectContaining({
        source: "10.0.0.0/16",
        destination: "sg cs-agent-default-endpoints",
        protocol: "tcp",
        port: "443",
        purpose: "Any workload in the VPC may call AWS APIs through the interface endpoints",
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        source: "sg cs-agent-default-mcp-runtime",
        destination: "dynamodb prefix list",
        purpose: "DynamoDB tables via the gateway endpoint",
      }),
    );
  });

  it("drops the S3 rows when image-layer egress is off", () => {
    const without = securityGroupMatrix(stackSet({ network: { imageLayerEgress: false } }));
    expect(without.map((row) => row.destination)).not.toContain("s3 prefix list");
    expect(without).toHaveLength(6);
  });
});

describe("the topology", () => {
  it("nests subnets in the VPC and draws every flow of the matrix", () => {
    const graph = topology(stackSet());
    const vpc = graph.clusters.find((c) => c.label.startsWith("VPC 10.0.0.0/16"));
    expect(graph.clusters.filter((c) => c.parent === vpc?.id)).toHaveLength(3);
    expect(graph.edges.filter((e) => e.kind === "flow")).toHaveLength(8);
  });

  it("labels each subnet with its AZ ID, which names the same zone in every account", () => {
    const subnets = topology(stackSet()).clusters.filter((c) => c.id.startsWith("subnet_"));
    expect(subnets.map((c) => c.label.split(", ").at(-1))).toEqual([
      "usw2-az1",
      "usw2-az2",
      "usw2-az3",
    ]);
  });

  it("places a workload in its subnet and ties it to its group once a tier synthesizes one", () => {
    const stacks = synthStacks();
    const network = stacks["network-default"] as TerraformJson & {
      resource: Record<string, Record<string, unknown>>;
    };
    network.resource.aws_lambda_function = {
      warranty: {
        function_name: "warranty-lookup",
        vpc_config: [
          {
            subnet_ids: ["${aws_subnet.network_subnet_data.id}"],
            security_group_ids: ["${aws_security_group.security_groups_gateway_lambda.id}"],
          },
        ],
      },
    };
    const graph = topology(new StackSet(stacks));
    const lambda = graph.nodes.find((n) => n.label === "Lambda warranty-lookup");
    expect(lambda?.parent).toBe("subnet_network_default_network_subnet_data");
    expect(graph.edges).toContainEqual({
      from: lambda?.id,
      to: "sg_network_default_security_groups_gateway_lambda",
      kind: "member",
    });
    expect(toMermaid(graph)).toContain('["Lambda warranty-lookup"]');
    expect(toDot(graph)).toContain('[label="Lambda warranty-lookup"]');
  });
});

describe("the outputs list", () => {
  it("lists the outputs ops read and hides cdktf's cross-stack plumbing", () => {
    const names = terraformOutputs(stackSet()).map((row) => `${row.stack}.${row.name}`);
    expect(names).toEqual(
      expect.arrayContaining(["state-default.state_bucket", "network-default.vpc_id"]),
    );
    expect(names.filter((name) => name.includes("cross_stack_output"))).toEqual([]);
  });
});

describe("the report", () => {
  it("is the list of sections, in order, and takes extra sections without other changes", async () => {
    const extra = { id: "extra", title: "Extra", render: () => ({ markdown: "ok" }) };
    const report = await buildReport(parseConfig({}), {
      sections: [...REPORT_SECTIONS.filter((s) => s.id !== "topology"), extra],
    });
    const headings = report.files["report.md"].match(/^## .*$/gm);
    expect(headings).toEqual([
      "## Security-group matrix",
      "## VPC endpoint cost per month",
      "## Terraform outputs",
      "## Reachability proof",
      "## Policy checks and suppressions",
      "## Extra",
    ]);
  });

  it("prints the reachability proof's verdicts and every suppression with its reason", async () => {
    const markdown = (await buildReport(parseConfig({}))).files["report.md"];
    expect(markdown).toContain("the computed matrix equals the declared one: **holds**");
    expect(markdown).toMatch(/\| aurora \| — \| nothing \|/);
    for (const suppression of LAMBDA_TRUST_SUPPRESSIONS) {
      expect(markdown).toContain(`app-default/${suppression.address}`);
    }
    expect(markdown).toContain(LAMBDA_TRUST_SUPPRESSIONS[0].reason);
  });

  it("shows a broken verdict when a flow leaves the VPC", async () => {
    const section = REPORT_SECTIONS.find((s) => s.id === "reachability")!;
    const stacks = synthStacks();
    const network = stacks["network-default"] as TerraformJson;
    const egress = network.resource!.aws_vpc_security_group_egress_rule;
    egress.security_groups_agent_runtime_to_endpoints = {
      ...egress.security_groups_agent_runtime_to_endpoints,
      referenced_security_group_id: undefined,
      cidr_ipv4: "0.0.0.0/0",
    };
    const output = await section.render({
      config: parseConfig({}),
      environment: "default",
      region: "us-west-2",
      stacks: new StackSet(stacks),
      pricing: PRICING,
    });
    expect(output.markdown).toContain(
      "no path leaves the VPC except through the declared endpoints: **fails**",
    );
  });

  it("writes an SVG diagram and is byte-identical when built twice", async () => {
    const [first, second] = [
      await buildReport(parseConfig({})),
      await buildReport(parseConfig({})),
    ];
    expect(first.files["topology.svg"]).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
    expect(second.files).toEqual(first.files);
    expect(first.files["report.md"]).toContain("= $262.80");
  });

  it("says so, instead of guessing, when the region has no rates", async () => {
    const report = await buildReport(parseConfig({}), { pricing: {} });
    expect(report.files["report.md"]).toContain("No endpoint rates for us-west-2");
  });
});

describe("the report's policy gate", () => {
  const scratch = scratchDirs("agentcore-report-");
  // Without the default suppressions the two documented IAM-004 findings stand, and synth exits 3.
  const failing = parseConfig({ policy: { suppressions: [] } });

  it("refuses, as synth does, a configuration whose policy check fails", async () => {
    await expect(buildReport(failing)).rejects.toThrow(PolicyViolations);
    await expect(buildReport(failing)).rejects.toThrow(/IAM-004/);
  });

  it("writes no environment's report when one of them fails", async () => {
    const outdir = scratch();
    await expect(writeReports([parseConfig({}), failing], outdir)).rejects.toThrow(
      PolicyViolations,
    );
    expect(readdirSync(outdir)).toEqual([]);
  });

  it("writes every environment's report under <outdir>/report/<env>/ when all pass", async () => {
    const outdir = scratch();
    const folders = await writeReports([parseConfig({})], outdir);
    expect(folders).toEqual([`${outdir}/report/default`]);
    expect(readdirSync(folders[0]).sort()).toEqual([
      "report.md",
      "topology.dot",
      "topology.mmd",
      "topology.svg",
    ]);
  });
});
