import { instance } from "@viz-js/viz";
import { subnetZone } from "../../../policy/terraform";
import type { ReportSection } from "../section";
import { displayName, serviceSuffix, type Located, type StackSet } from "../terraform-json";

/** A box in the diagram. `parent` is the cluster (VPC or subnet) it is drawn in. */
export interface TopologyNode {
  readonly id: string;
  readonly label: string;
  readonly parent?: string;
}

export interface TopologyCluster {
  readonly id: string;
  readonly label: string;
  readonly parent?: string;
}

/** `flow`: an allowed security-group flow. `member`: a workload or endpoint wears this group. */
export interface TopologyEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: "flow" | "member";
  readonly label?: string;
}

export interface Topology {
  readonly clusters: readonly TopologyCluster[];
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
}

/**
 * Resource types drawn as workloads (inside the subnet they are placed in) and data stores
 * (outside the VPC). A tier adding another kind adds a line here; resources of these types
 * appear as soon as a stack synthesizes them.
 */
export const WORKLOAD_TYPES: Readonly<Record<string, string>> = {
  aws_bedrockagentcore_agent_runtime: "AgentCore runtime",
  aws_lambda_function: "Lambda",
};
export const DATA_STORE_TYPES: Readonly<Record<string, string>> = {
  aws_dynamodb_table: "DynamoDB table",
  aws_rds_cluster: "Aurora cluster",
};

const NAME_KEYS = ["agent_runtime_name", "function_name", "cluster_identifier", "name"];

const idOf = (kind: string, located: Located) =>
  `${kind}_${located.stack}_${located.name}`.replace(/[^A-Za-z0-9_]/g, "_");

/** Every string under keys matching `keys`, at any depth (placement blocks nest differently). */
function valuesUnder(value: unknown, keys: readonly string[]): string[] {
  if (Array.isArray(value)) return value.flatMap((inner) => valuesUnder(inner, keys));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    if (key === "//") return [];
    if (keys.includes(key)) return Array.isArray(inner) ? inner.map(String) : [String(inner)];
    return valuesUnder(inner, keys);
  });
}

const SUBNET_KEYS = ["subnet_ids", "subnets"];
const GROUP_KEYS = ["security_group_ids", "security_groups", "vpc_security_group_ids"];

/** Builds the diagram's graph from the synthesized JSON of one environment. */
export function topology(stacks: StackSet): Topology {
  const clusters: TopologyCluster[] = [];
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  /** Resolves a reference to the id the diagram gave its target, if it drew one. */
  const drawn = new Map<string, string>();
  const key = (located: Located) => `${located.stack}/${located.type}.${located.name}`;
  const idFor = (stack: string, reference: unknown) => {
    const target = stacks.follow(stack, reference);
    return target && drawn.get(key(target));
  };

  for (const vpc of stacks.resources("aws_vpc")) {
    const id = idOf("vpc", vpc);
    clusters.push({ id, label: `VPC ${String(vpc.block.cidr_block)} (${displayName(vpc)})` });
    drawn.set(key(vpc), id);
  }
  for (const subnet of stacks.resources("aws_subnet")) {
    const id = idOf("subnet", subnet);
    const zone = subnetZone(subnet.block)?.value ?? "AZ unknown until apply";
    const label = `${displayName(subnet)}: ${String(subnet.block.cidr_block)}, ${zone}`;
    clusters.push({ id, label, parent: idFor(subnet.stack, subnet.block.vpc_id) });
    drawn.set(key(subnet), id);
  }
  for (const group of stacks.resources("aws_security_group")) {
    const id = idOf("sg", group);
    nodes.push({
      id,
      label: `sg ${displayName(group)}`,
      parent: idFor(group.stack, group.block.vpc_id),
    });
    drawn.set(key(group), id);
  }

  const interfaces = stacks
    .resources("aws_vpc_endpoint")
    .filter((e) => e.block.vpc_endpoint_type !== "Gateway");
  const byVpc = new Map<string, Located[]>();
  for (const endpoint of interfaces) {
    const vpc = idFor(endpoint.stack, endpoint.block.vpc_id) ?? "";
    byVpc.set(vpc, [...(byVpc.get(vpc) ?? []), endpoint]);
  }
  for (const [vpc, endpoints] of byVpc) {
    const id = `interface_endpoints_${vpc}`;
    const services = endpoints.map((e) => serviceSuffix(e.block.service_name));
    nodes.push({
      id,
      label: `${services.length} interface endpoints: ${services.join(", ")}`,
      parent: vpc || undefined,
    });
    for (const endpoint of endpoints) drawn.set(key(endpoint), id);
    // Each subnet holds one ENI per interface endpoint. Drawing them also keeps the subnet
    // visible before any workload lands in it (Graphviz omits empty clusters).
    const subnets = new Set(
      endpoints.flatMap((e) => valuesUnder(e.block, SUBNET_KEYS).map((s) => idFor(e.stack, s))),
    );
    for (const subnet of subnets) {
      if (!subnet) continue;
      const enis = `enis_${subnet}`;
      nodes.push({ id: enis, label: `${services.length} endpoint ENIs`, parent: subnet });
      edges.push({ from: enis, to: id, kind: "member" });
    }
    const groups = new Set(
      endpoints.flatMap((e) => valuesUnder(e.block, GROUP_KEYS).map((g) => idFor(e.stack, g))),
    );
    for (const group of groups) if (group) edges.push({ from: id, to: group, kind: "member" });
  }
  for (const gateway of stacks
    .resources("aws_vpc_endpoint")
    .filter((e) => e.block.vpc_endpoint_type === "Gateway")) {
    const id = idOf("gateway", gateway);
    nodes.push({
      id,
      label: `${serviceSuffix(gateway.block.service_name)} gateway endpoint`,
      parent: idFor(gateway.stack, gateway.block.vpc_id),
    });
    drawn.set(key(gateway), id);
  }

  const placed = (types: Readonly<Record<string, string>>, inside: boolean) => {
    for (const [type, kind] of Object.entries(types)) {
      for (const located of stacks.resources(type)) {
        const id = idOf("res", located);
        const name = NAME_KEYS.map((k) => located.block[k]).find((v) => typeof v === "string");
        const subnet = valuesUnder(located.block, SUBNET_KEYS)
          .map((s) => idFor(located.stack, s))
          .find(Boolean);
        nodes.push({
          id,
          label: `${kind} ${String(name ?? located.name)}`,
          parent: inside ? subnet : undefined,
        });
        for (const group of valuesUnder(located.block, GROUP_KEYS)) {
          const target = idFor(located.stack, group);
          if (target) edges.push({ from: id, to: target, kind: "member" });
        }
      }
    }
  };
  placed(WORKLOAD_TYPES, true);
  placed(DATA_STORE_TYPES, false);

  const cidrNodes = new Set<string>();
  for (const type of [
    "aws_vpc_security_group_ingress_rule",
    "aws_vpc_security_group_egress_rule",
  ]) {
    for (const rule of stacks.resources(type)) {
      const group = idFor(rule.stack, rule.block.security_group_id);
      let peer = idFor(
        rule.stack,
        rule.block.referenced_security_group_id ?? rule.block.prefix_list_id,
      );
      const cidr = rule.block.cidr_ipv4 ?? rule.block.cidr_ipv6;
      if (cidr !== undefined) {
        peer = `cidr_${String(cidr).replace(/[^0-9a-f]/gi, "_")}`;
        if (!cidrNodes.has(peer)) nodes.push({ id: peer, label: `CIDR ${String(cidr)}` });
        cidrNodes.add(peer);
      }
      if (!group || !peer) continue;
      const label = `${String(rule.block.ip_protocol)}/${String(rule.block.from_port)}`;
      const ingress = type.endsWith("ingress_rule");
      edges.push({ from: ingress ? peer : group, to: ingress ? group : peer, kind: "flow", label });
    }
  }
  return { clusters, nodes, edges };
}

const dotText = (text: string) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** Graphviz DOT: clusters nest VPC → subnet, flows solid and labelled, membership dashed. */
export function toDot(graph: Topology): string {
  const lines = [
    "digraph topology {",
    "  rankdir=LR;",
    '  node [shape=box, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const emit = (parent: string | undefined, indent: string) => {
    for (const cluster of graph.clusters.filter((c) => c.parent === parent)) {
      lines.push(
        `${indent}subgraph cluster_${cluster.id} {`,
        `${indent}  label=${dotText(cluster.label)};`,
      );
      emit(cluster.id, `${indent}  `);
      lines.push(`${indent}}`);
    }
    for (const node of graph.nodes.filter((n) => n.parent === parent)) {
      lines.push(`${indent}${node.id} [label=${dotText(node.label)}];`);
    }
  };
  emit(undefined, "  ");
  for (const edge of graph.edges) {
    const attributes =
      edge.kind === "member"
        ? "style=dashed, arrowhead=none"
        : `label=${dotText(edge.label ?? "")}`;
    lines.push(`  ${edge.from} -> ${edge.to} [${attributes}];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

const mermaidText = (text: string) => `"${text.replace(/"/g, "#quot;")}"`;

/** Mermaid flowchart of the same graph, for Markdown viewers that render it. */
export function toMermaid(graph: Topology): string {
  const lines = ["flowchart LR"];
  const emit = (parent: string | undefined, indent: string) => {
    for (const cluster of graph.clusters.filter((c) => c.parent === parent)) {
      lines.push(`${indent}subgraph ${cluster.id}[${mermaidText(cluster.label)}]`);
      emit(cluster.id, `${indent}  `);
      lines.push(`${indent}end`);
    }
    for (const node of graph.nodes.filter((n) => n.parent === parent)) {
      lines.push(`${indent}${node.id}[${mermaidText(node.label)}]`);
    }
  };
  emit(undefined, "  ");
  for (const edge of graph.edges) {
    lines.push(
      edge.kind === "member"
        ? `  ${edge.from} -.- ${edge.to}`
        : `  ${edge.from} -->|${mermaidText(edge.label ?? "")}| ${edge.to}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export const topologySection: ReportSection = {
  id: "topology",
  title: "Topology",
  async render({ stacks }) {
    const graph = topology(stacks);
    const dot = toDot(graph);
    // Graphviz compiled to WebAssembly: renders offline, the same bytes on every machine.
    const svg = (await instance()).renderString(dot, { format: "svg" });
    const mermaid = toMermaid(graph);
    return {
      markdown:
        "Solid arrows are allowed flows (security-group rules), dashed lines group membership. " +
        "Also as [topology.svg](topology.svg) (Graphviz) and [topology.dot](topology.dot).\n\n" +
        "```mermaid\n" +
        mermaid +
        "```",
      files: { "topology.svg": svg, "topology.dot": dot, "topology.mmd": mermaid },
    };
  },
};
