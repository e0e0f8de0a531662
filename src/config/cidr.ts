import ipaddr from "ipaddr.js";

/** A parsed IPv4 block. Parsing and containment come from ipaddr.js; we add only the rules. */
export interface Ipv4Block {
  readonly text: string;
  readonly network: ipaddr.IPv4;
  readonly prefix: number;
}

/**
 * Parses `a.b.c.d/n` strictly: four decimal octets, a prefix, and no host bits set (AWS rejects
 * `10.0.3.7/24` for a subnet, so we do too). Returns a reason string when it is not one.
 */
export function parseIpv4Block(text: string): Ipv4Block | string {
  if (typeof text !== "string" || !ipaddr.IPv4.isValidCIDRFourPartDecimal(text)) {
    return "must be an IPv4 CIDR such as 10.0.0.0/16";
  }
  const [network, prefix] = ipaddr.IPv4.parseCIDR(text);
  const base = ipaddr.IPv4.networkAddressFromCIDR(text);
  if (base.toString() !== network.toString()) {
    return `has host bits set; the block starts at ${base.toString()}/${prefix}`;
  }
  return { text, network, prefix };
}

/** True when every address of `inner` is inside `outer`. */
export function contains(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return inner.prefix >= outer.prefix && inner.network.match(outer.network, outer.prefix);
}

/** True when the two blocks share at least one address. */
export function overlaps(a: Ipv4Block, b: Ipv4Block): boolean {
  return contains(a, b) || contains(b, a);
}

/** RFC 1918 private space: the only ranges a VPC with no internet path should use. */
export function isPrivate(block: Ipv4Block): boolean {
  return block.network.range() === "private";
}
