import { markdownTable, type ReportSection } from "../section";
import { displayName, serviceSuffix, type StackSet } from "../terraform-json";

/** One allowed flow, as read from a synthesized rule resource. */
export interface MatrixRow {
  readonly source: string;
  readonly destination: string;
  readonly protocol: string;
  readonly port: string;
  /** The rule's description. */
  readonly purpose: string;
  /** `<stack>: <type>.<name>`, so a reviewer can find the rule in a plan. */
  readonly rule: string;
}

const RULE_TYPES = {
  aws_vpc_security_group_ingress_rule: "ingress",
  aws_vpc_security_group_egress_rule: "egress",
} as const;

/** A rule's far side, named for people: a group's name, a prefix list's service, a CIDR. */
function peerLabel(stacks: StackSet, stack: string, block: Record<string, unknown>): string {
  if (block.cidr_ipv4 !== undefined) return String(block.cidr_ipv4);
  if (block.cidr_ipv6 !== undefined) return String(block.cidr_ipv6);
  const reference = block.referenced_security_group_id ?? block.prefix_list_id;
  const target = stacks.follow(stack, reference);
  if (target?.type === "aws_security_group") return `sg ${displayName(target)}`;
  if (target?.type === "aws_vpc_endpoint") {
    return `${serviceSuffix(target.block.service_name)} prefix list`;
  }
  return String(reference);
}

function groupLabel(stacks: StackSet, stack: string, reference: unknown): string {
  const target = stacks.follow(stack, reference);
  return target ? `sg ${displayName(target)}` : String(reference);
}

/** Every standalone security-group rule of every stack, as source → destination rows. */
export function securityGroupMatrix(stacks: StackSet): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const [type, direction] of Object.entries(RULE_TYPES)) {
    for (const { stack, name, block } of stacks.resources(type)) {
      const group = groupLabel(stacks, stack, block.security_group_id);
      const peer = peerLabel(stacks, stack, block);
      const protocol = String(block.ip_protocol);
      const [from, to] = [block.from_port, block.to_port];
      rows.push({
        source: direction === "ingress" ? peer : group,
        destination: direction === "ingress" ? group : peer,
        protocol: protocol === "-1" ? "all" : protocol,
        port: from === undefined ? "all" : from === to ? String(from) : `${from}-${to}`,
        purpose: String(block.description ?? ""),
        rule: `${stack}: ${type}.${name}`,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      a.source.localeCompare(b.source) ||
      a.destination.localeCompare(b.destination) ||
      a.rule.localeCompare(b.rule),
  );
}

export const securityGroupMatrixSection: ReportSection = {
  id: "security-group-matrix",
  title: "Security-group matrix",
  render({ stacks }) {
    const rows = securityGroupMatrix(stacks);
    const table = markdownTable(
      ["source", "destination", "protocol", "port", "purpose"],
      rows.map((row) => [row.source, row.destination, row.protocol, row.port, row.purpose]),
    );
    return {
      markdown:
        `Every allowed flow (${rows.length} rules); anything not listed is denied. ` +
        "Read from the synthesized `aws_vpc_security_group_*_rule` resources.\n\n" +
        table,
    };
  },
};
