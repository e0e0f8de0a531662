/**
 * Every security-group rule in the stacks, in whichever style it was written (standalone
 * `aws_vpc_security_group_*_rule`, legacy `aws_security_group_rule`, or inline blocks), in one
 * shape. NET-007 forbids all but the first style; reading them all keeps the other rules and
 * the reachability proof honest when someone breaks that rule.
 */
import { blocks, resourcesOfType, strings, type Block } from "./terraform";
import type { Stacks } from "./types";

/** The far side of a rule, as written in the JSON (references stay references). */
export type RulePeer =
  | { readonly kind: "cidr"; readonly cidr: string }
  | { readonly kind: "group"; readonly ref: string }
  | { readonly kind: "prefix-list"; readonly ref: string }
  | { readonly kind: "self" };

export interface SecurityGroupRule {
  /** Address of the resource holding the rule. */
  readonly address: string;
  readonly stack: string;
  /** The group the rule belongs to, as written (normally `${aws_security_group.x.id}`). */
  readonly groupRef: string;
  readonly direction: "ingress" | "egress";
  /** `tcp`, `udp`, `icmp` or `-1` (all). */
  readonly protocol: string;
  readonly fromPort: unknown;
  readonly toPort: unknown;
  readonly peers: readonly RulePeer[];
  readonly description: unknown;
}

/** `6` and `tcp` are the same protocol; `all` and `-1` too. */
function protocolName(value: unknown): string {
  const text = String(value ?? "-1").toLowerCase();
  return (
    ({ "6": "tcp", "17": "udp", "1": "icmp", all: "-1" } as Record<string, string>)[text] ?? text
  );
}

function peersOf(block: Block): RulePeer[] {
  const cidrs = ["cidr_ipv4", "cidr_ipv6", "cidr_blocks", "ipv6_cidr_blocks"].flatMap((key) =>
    strings(block[key]).map((cidr) => ({ kind: "cidr" as const, cidr })),
  );
  const groups = [
    ...strings(block.referenced_security_group_id),
    ...strings(block.source_security_group_id),
    ...strings(block.security_groups),
  ].map((ref) => ({ kind: "group" as const, ref }));
  const lists = [...strings(block.prefix_list_id), ...strings(block.prefix_list_ids)].map(
    (ref) => ({ kind: "prefix-list" as const, ref }),
  );
  const self = block.self === true ? [{ kind: "self" as const }] : [];
  return [...cidrs, ...groups, ...lists, ...self];
}

export function securityGroupRules(stacks: Stacks): SecurityGroupRule[] {
  const standalone = (["ingress", "egress"] as const).flatMap((direction) =>
    resourcesOfType(stacks, `aws_vpc_security_group_${direction}_rule`).map((rule) => ({
      address: rule.address,
      stack: rule.stack,
      groupRef: String(rule.block.security_group_id),
      direction,
      protocol: protocolName(rule.block.ip_protocol),
      fromPort: rule.block.from_port,
      toPort: rule.block.to_port,
      peers: peersOf(rule.block),
      description: rule.block.description,
    })),
  );
  const legacy = resourcesOfType(stacks, "aws_security_group_rule").map((rule) => ({
    address: rule.address,
    stack: rule.stack,
    groupRef: String(rule.block.security_group_id),
    direction: rule.block.type === "ingress" ? ("ingress" as const) : ("egress" as const),
    protocol: protocolName(rule.block.protocol),
    fromPort: rule.block.from_port,
    toPort: rule.block.to_port,
    peers: peersOf(rule.block),
    description: rule.block.description,
  }));
  const inline = resourcesOfType(stacks, "aws_security_group").flatMap((group) =>
    (["ingress", "egress"] as const).flatMap((direction) =>
      blocks(group.block[direction]).map((rule) => ({
        address: group.address,
        stack: group.stack,
        groupRef: `\${aws_security_group.${group.name}.id}`,
        direction,
        protocol: protocolName(rule.protocol),
        fromPort: rule.from_port,
        toPort: rule.to_port,
        peers: peersOf(rule),
        description: rule.description,
      })),
    ),
  );
  return [...standalone, ...legacy, ...inline];
}
