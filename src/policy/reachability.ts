/**
 * The reachability proof: from the synthesized JSON alone, what each workload security group
 * can reach and on which ports, and three assertions about it.
 *
 * Inputs are what Terraform will read: subnets, route tables and their associations, routes,
 * gateway endpoints (their route tables) and interface endpoints (their groups), and every
 * security-group rule with its peer (group, prefix list or CIDR). Groups are identified by
 * their synthesized reference (`${aws_security_group.security_groups_agent_runtime.id}`),
 * followed across stacks through remote state, never by name tags.
 *
 * A flow counts only when both ends admit it: an egress to the endpoint group needs that
 * group's ingress to admit the sender (its group or a CIDR covering the VPC); an egress to a
 * gateway endpoint's prefix list needs the endpoint on a route table of a subnet.
 */
import type { Config } from "../config";
import { contains, parseIpv4Block, type Ipv4Block } from "../config/cidr";
import { declaredMatrix, SECURITY_GROUPS, type GroupName } from "../network/security-group-matrix";
import { PORTS } from "../shared/ports";
import { securityGroupRules, type RulePeer, type SecurityGroupRule } from "./security-group-rules";
import { blocks, resolve, resourcesOfType, strings, type Located } from "./terraform";
import type { RuleFinding, Stacks } from "./types";

/** The workloads the proof reports on, in report order. */
export const WORKLOADS: readonly GroupName[] = [
  "agent-runtime",
  "mcp-runtime",
  "gateway-lambda",
  "aurora",
];

/** Groups that must accept nothing inbound (the matrix declares no ingress to them). */
const INBOUND_CLOSED: readonly GroupName[] = WORKLOADS;

/** Terraform resource name of a matrix group: the construct path below the stack. */
const resourceNameOf = (group: GroupName) => `security_groups_${group.replace(/-/g, "_")}`;

/** One flow a security-group rule allows, as the proof sees it. */
export interface Flow {
  /** Matrix name of the group the rule sits on, or the group's address if not in the matrix. */
  readonly group: string;
  readonly direction: "ingress" | "egress";
  /** Comparable peer key: `group:endpoints`, `prefix-list:s3`, `vpc-cidr`, `cidr:<x>`, ... */
  readonly peer: string;
  /** `443`, `1024-2048` or `all`. */
  readonly port: string;
  /** Human description of what is reached. */
  readonly reaches: string;
  /** Both ends admit the flow (endpoint ingress, gateway route). */
  readonly effective: boolean;
  /** Address of the rule. */
  readonly via: string;
}

export interface Reachability {
  readonly vpcCidrs: readonly string[];
  readonly flows: readonly Flow[];
  /** Paths that leave the VPC other than through the declared endpoints. */
  readonly leaving: readonly RuleFinding[];
  /** Differences between the synthesized flows and `declaredMatrix(config)`. */
  readonly mismatches: readonly RuleFinding[];
  /** Anything admitted inbound to a workload group. */
  readonly inbound: readonly RuleFinding[];
}

function portOf(rule: SecurityGroupRule): string {
  if (rule.protocol === "-1") return "all";
  const from = String(rule.fromPort);
  const to = String(rule.toPort);
  return `${rule.protocol === "tcp" ? "" : `${rule.protocol} `}${from === to ? from : `${from}-${to}`}`;
}

/** Does `rule` admit TCP `port`? */
function admitsPort(rule: SecurityGroupRule, port: string): boolean {
  if (rule.protocol === "-1") return true;
  if (rule.protocol !== "tcp") return false;
  const [low, high = low] = port.split("-").map(Number);
  return Number(rule.fromPort) <= low && high <= Number(rule.toPort);
}

interface Network {
  readonly vpcs: Ipv4Block[];
  readonly vpcCidrs: string[];
  /** Group address → matrix name. */
  readonly matrixNames: Map<string, GroupName>;
  /** Endpoint-group address → the interface services behind it. */
  readonly interfaceServices: Map<string, string[]>;
  /** Gateway endpoint address → service and the subnets routed to it. */
  readonly gateways: Map<string, { service: string; routedSubnets: string[] }>;
  readonly rules: SecurityGroupRule[];
}

function serviceSuffix(endpoint: Located): string {
  return String(endpoint.block.service_name).split(".").slice(3).join(".");
}

function readNetwork(stacks: Stacks): Network {
  const vpcCidrs = resourcesOfType(stacks, "aws_vpc").map((vpc) => String(vpc.block.cidr_block));
  const vpcs = vpcCidrs
    .map((cidr) => parseIpv4Block(cidr))
    .filter((block): block is Ipv4Block => typeof block !== "string");

  const matrixNames = new Map<string, GroupName>();
  for (const group of resourcesOfType(stacks, "aws_security_group")) {
    const name = (Object.keys(SECURITY_GROUPS) as GroupName[]).find(
      (candidate) => resourceNameOf(candidate) === group.name,
    );
    if (name) matrixNames.set(group.address, name);
  }

  const tableOfSubnet = new Map<string, string>();
  for (const association of resourcesOfType(stacks, "aws_route_table_association")) {
    const subnet = resolve(stacks, association.stack, association.block.subnet_id);
    const table = resolve(stacks, association.stack, association.block.route_table_id);
    if (subnet && table) tableOfSubnet.set(subnet.address, table.address);
  }

  const interfaceServices = new Map<string, string[]>();
  const gateways = new Map<string, { service: string; routedSubnets: string[] }>();
  for (const endpoint of resourcesOfType(stacks, "aws_vpc_endpoint")) {
    if (endpoint.block.vpc_endpoint_type === "Gateway") {
      const tables = strings(endpoint.block.route_table_ids).map(
        (id) => resolve(stacks, endpoint.stack, id)?.address,
      );
      const routedSubnets = [...tableOfSubnet]
        .filter(([, table]) => tables.includes(table))
        .map(([subnet]) => subnet);
      gateways.set(endpoint.address, { service: serviceSuffix(endpoint), routedSubnets });
    } else {
      for (const id of strings(endpoint.block.security_group_ids)) {
        const group = resolve(stacks, endpoint.stack, id);
        if (!group) continue;
        const services = interfaceServices.get(group.address) ?? [];
        interfaceServices.set(group.address, [...services, serviceSuffix(endpoint)]);
      }
    }
  }

  return {
    vpcs,
    vpcCidrs,
    matrixNames,
    interfaceServices,
    gateways,
    rules: securityGroupRules(stacks),
  };
}

function insideVpc(network: Network, cidr: string): boolean {
  const block = parseIpv4Block(cidr);
  return typeof block !== "string" && network.vpcs.some((vpc) => contains(vpc, block));
}

/** Is there an ingress rule on `target` admitting `source` (by group or a CIDR covering a VPC)? */
function admits(
  stacks: Stacks,
  network: Network,
  target: string,
  source: string,
  port: string,
): boolean {
  return network.rules.some((rule) => {
    if (rule.direction !== "ingress" || !admitsPort(rule, port)) return false;
    if (resolve(stacks, rule.stack, rule.groupRef)?.address !== target) return false;
    return rule.peers.some((peer) =>
      peer.kind === "group"
        ? resolve(stacks, rule.stack, peer.ref)?.address === source
        : peer.kind === "cidr" &&
          network.vpcs.some((vpc) => {
            const block = parseIpv4Block(peer.cidr);
            return typeof block !== "string" && contains(block, vpc);
          }),
    );
  });
}

interface Classified {
  readonly flow?: Omit<Flow, "group" | "direction" | "port" | "via">;
  readonly leaves?: string;
}

function classify(
  stacks: Stacks,
  network: Network,
  rule: SecurityGroupRule,
  groupAddress: string,
  peer: RulePeer,
): Classified {
  const port = portOf(rule);
  switch (peer.kind) {
    case "self":
      return { flow: { peer: "self", reaches: "its own members", effective: true } };
    case "cidr":
      if (network.vpcCidrs.includes(peer.cidr)) {
        return { flow: { peer: "vpc-cidr", reaches: `the VPC (${peer.cidr})`, effective: true } };
      }
      if (insideVpc(network, peer.cidr)) {
        return { flow: { peer: `cidr:${peer.cidr}`, reaches: peer.cidr, effective: true } };
      }
      return { leaves: `${rule.direction} ${port} to ${peer.cidr}, outside the VPC` };
    case "prefix-list": {
      const target = resolve(stacks, rule.stack, peer.ref);
      const gateway = target && network.gateways.get(target.address);
      if (!gateway || !peer.ref.endsWith(".prefix_list_id}")) {
        return {
          leaves: `${rule.direction} ${port} to prefix list ${peer.ref}, not a gateway endpoint's`,
        };
      }
      const routed = gateway.routedSubnets.length > 0;
      return {
        flow: {
          peer: `prefix-list:${gateway.service}`,
          reaches: `${gateway.service} gateway endpoint${routed ? "" : " (no subnet routes to it)"}`,
          effective: routed,
        },
      };
    }
    case "group": {
      const target = resolve(stacks, rule.stack, peer.ref);
      if (!target)
        return { leaves: `${rule.direction} ${port} to group ${peer.ref}, not in these stacks` };
      const name = network.matrixNames.get(target.address) ?? target.address;
      const services = network.interfaceServices.get(target.address);
      if (services && rule.direction === "egress") {
        const effective = admits(stacks, network, target.address, groupAddress, port);
        return {
          flow: {
            peer: `group:${name}`,
            reaches: `interface endpoints (${services.join(", ")})${effective ? "" : " — not admitted by their group"}`,
            effective,
          },
        };
      }
      return { flow: { peer: `group:${name}`, reaches: `group ${name}`, effective: true } };
    }
  }
}

function routesLeaving(stacks: Stacks, network: Network): RuleFinding[] {
  const gatewayLists = new Set(
    [...network.gateways.keys()].map((address) => address.split("/")[1]),
  );
  const check = (address: string, route: Record<string, unknown>): RuleFinding[] => {
    const cidrs = [...strings(route.destination_cidr_block), ...strings(route.cidr_block)];
    const v6 = [...strings(route.destination_ipv6_cidr_block), ...strings(route.ipv6_cidr_block)];
    const list = strings(route.destination_prefix_list_id);
    return [
      ...cidrs.filter((cidr) => !insideVpc(network, cidr)).map((cidr) => `route to ${cidr}`),
      ...v6.map((cidr) => `route to ${cidr}`),
      ...list
        .filter((id) => ![...gatewayLists].some((endpoint) => id.includes(`${endpoint}.`)))
        .map((id) => `route to prefix list ${id}`),
    ].map((message) => ({ address, message: `${message} leaves the VPC` }));
  };
  return [
    ...resourcesOfType(stacks, "aws_route").flatMap((route) => check(route.address, route.block)),
    ...resourcesOfType(stacks, "aws_route_table").flatMap((table) =>
      blocks(table.block.route).flatMap((route) => check(table.address, route)),
    ),
  ];
}

function declaredKeys(config: Config): Map<string, string> {
  const keys = new Map<string, string>();
  for (const row of declaredMatrix(config)) {
    const peer =
      row.peer.kind === "group"
        ? `group:${row.peer.group}`
        : row.peer.kind === "prefix-list"
          ? `prefix-list:${row.peer.service}`
          : "vpc-cidr";
    keys.set(`${row.group} ${row.direction} ${peer} ${PORTS[row.port]}`, row.id);
  }
  return keys;
}

const cache = new WeakMap<Stacks, WeakMap<Config, Reachability>>();

/**
 * Computes the flows and the three assertions. Memoised per (stacks, config) object, since
 * three rules (REACH-001..003) read the same result on every synth.
 */
export function proveReachability(stacks: Stacks, config: Config): Reachability {
  const byConfig = cache.get(stacks) ?? new WeakMap<Config, Reachability>();
  cache.set(stacks, byConfig);
  const cached = byConfig.get(config);
  if (cached) return cached;

  const network = readNetwork(stacks);
  const flows: Flow[] = [];
  const leaving: RuleFinding[] = routesLeaving(stacks, network);
  const inbound: RuleFinding[] = [];
  const mismatches: RuleFinding[] = [];

  for (const rule of network.rules) {
    const group = resolve(stacks, rule.stack, rule.groupRef);
    if (!group) {
      leaving.push({
        address: rule.address,
        message: `rule on ${rule.groupRef}, a group these stacks do not define: cannot prove where it leads`,
      });
      continue;
    }
    const name = network.matrixNames.get(group.address);
    if (name && INBOUND_CLOSED.includes(name) && rule.direction === "ingress") {
      inbound.push({ address: rule.address, message: `admits ${portOf(rule)} inbound to ${name}` });
    }
    for (const peer of rule.peers) {
      const classified = classify(stacks, network, rule, group.address, peer);
      if (classified.leaves) {
        leaving.push({ address: rule.address, message: classified.leaves });
        continue;
      }
      if (classified.flow) {
        flows.push({
          ...classified.flow,
          group: name ?? group.address,
          direction: rule.direction,
          port: portOf(rule),
          via: rule.address,
        });
      }
    }
  }

  // A network without the matrix groups (a fixture of another tier) has no matrix to compare.
  if (network.matrixNames.size > 0) {
    const declared = declaredKeys(config);
    const seen = new Set<string>();
    for (const flow of flows) {
      const key = `${flow.group} ${flow.direction} ${flow.peer} ${flow.port}`;
      seen.add(key);
      if (!declared.has(key)) {
        mismatches.push({ address: flow.via, message: `${key} is not in the declared matrix` });
      } else if (!flow.effective) {
        mismatches.push({
          address: flow.via,
          message: `${key} is declared but blocked: ${flow.reaches}`,
        });
      }
    }
    for (const [key, id] of declared) {
      if (!seen.has(key)) {
        mismatches.push({
          address: `declared/${id}`,
          message: `${key} is declared but not synthesized`,
        });
      }
    }
  }

  const result: Reachability = { vpcCidrs: network.vpcCidrs, flows, leaving, mismatches, inbound };
  byConfig.set(config, result);
  return result;
}

/** The proof as Markdown: one table of what each workload reaches, then the verdicts. */
export function renderReachabilityMarkdown(reachability: Reachability): string {
  const lines = [
    `Computed from the synthesized JSON (VPC ${reachability.vpcCidrs.join(", ") || "none"}).`,
    "",
    "| workload | direction | reaches | port | effective | rule |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const workload of WORKLOADS) {
    const flows = reachability.flows.filter((flow) => flow.group === workload);
    if (flows.length === 0) {
      lines.push(`| ${workload} | — | nothing | — | — | — |`);
    }
    for (const flow of flows) {
      lines.push(
        `| ${workload} | ${flow.direction} | ${flow.reaches} | ${flow.port} | ${flow.effective ? "yes" : "no"} | \`${flow.via}\` |`,
      );
    }
  }
  const verdict = (title: string, findings: readonly RuleFinding[]) =>
    findings.length === 0
      ? [`- ${title}: **holds**`]
      : [`- ${title}: **fails**`, ...findings.map((f) => `  - \`${f.address}\`: ${f.message}`)];
  lines.push(
    "",
    ...verdict(
      "no path leaves the VPC except through the declared endpoints",
      reachability.leaving,
    ),
    ...verdict("the computed matrix equals the declared one", reachability.mismatches),
    ...verdict("nothing reaches the workloads inbound", reachability.inbound),
  );
  return `${lines.join("\n")}\n`;
}
