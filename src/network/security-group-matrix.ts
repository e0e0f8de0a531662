import type { Config } from "../config";
import type { GatewayEndpointService } from "./endpoint-catalogue";
import type { PortName } from "../shared/ports";

/** Every security group this project creates. Ids are construct ids: never rename one. */
export const SECURITY_GROUPS = {
  endpoints: "Interface VPC endpoints: TLS from inside the VPC only",
  "agent-runtime": "AgentCore agent runtime ENIs: TLS out to AWS endpoints only, nothing in",
  "mcp-runtime": "AgentCore MCP runtime ENIs: TLS out to AWS endpoints and DynamoDB, nothing in",
  "gateway-lambda": "Gateway Lambda ENIs: TLS out to AWS endpoints and DynamoDB, nothing in",
  aurora: "Aurora PostgreSQL: no network path at all; reached only through the Data API",
} as const;

export type GroupName = keyof typeof SECURITY_GROUPS;

/** The far side of a rule. Prefix lists come from the gateway endpoints, never literal pl- ids. */
export type Peer =
  | { readonly kind: "group"; readonly group: GroupName }
  | { readonly kind: "prefix-list"; readonly service: GatewayEndpointService }
  | { readonly kind: "vpc-cidr" };

/** One allowed flow: a standalone rule resource with this id, on `group`, in `direction`. */
export interface FlowRule {
  /** Construct id of the rule resource, e.g. `agent-runtime-to-endpoints`. Never rename. */
  readonly id: string;
  readonly group: GroupName;
  readonly direction: "ingress" | "egress";
  readonly peer: Peer;
  /** TCP port (always TCP: nothing here speaks UDP). */
  readonly port: PortName;
  /** Why the flow exists; becomes the rule's description and the report's purpose column. */
  readonly purpose: string;
}

/** One egress row of the matrix, granted to each group in `from`. */
interface EgressGrant {
  /** Suffix of the rule ids (`<group>-to-<to>`); part of Terraform addresses, never rename. */
  readonly to: string;
  readonly from: readonly GroupName[];
  readonly peer: Peer;
  readonly purpose: string;
  /** Present when a config switch decides the row. */
  readonly enabled?: (config: Config) => boolean;
}

/** Every egress the workloads have: TLS to AWS APIs, nothing else. */
const EGRESS_GRANTS: readonly EgressGrant[] = [
  {
    to: "endpoints",
    from: ["agent-runtime", "mcp-runtime", "gateway-lambda"],
    peer: { kind: "group", group: "endpoints" },
    purpose:
      "AWS APIs (Bedrock, AgentCore, ECR, logs, secrets, KMS, X-Ray) via interface endpoints",
  },
  {
    to: "dynamodb",
    from: ["mcp-runtime", "gateway-lambda"],
    peer: { kind: "prefix-list", service: "dynamodb" },
    purpose: "DynamoDB tables via the gateway endpoint",
  },
  {
    // Seed gap: ECR serves image layers from S3, through the S3 gateway endpoint, but the seed
    // has no S3 egress rule. Only the container runtimes pull images; Lambdas ship as zips.
    to: "s3",
    from: ["agent-runtime", "mcp-runtime"],
    peer: { kind: "prefix-list", service: "s3" },
    purpose: "ECR image layers from S3 via the gateway endpoint (network.imageLayerEgress)",
    enabled: (config) => config.network.imageLayerEgress,
  },
];

/**
 * The security-group matrix, as declared data. The constructs turn exactly these rows into
 * `aws_vpc_security_group_{ingress,egress}_rule` resources; the tests and the reachability
 * proof compare the synthesized rules with this list, row for row.
 *
 * Deliberately absent: any ingress to a runtime, Lambda or Aurora group (AgentCore and the
 * Lambda service reach them through their own control planes, and the Data API needs no
 * network path), and any egress from Aurora.
 */
export function declaredMatrix(config: Config): FlowRule[] {
  const rules: FlowRule[] = [
    {
      id: "endpoints-from-vpc",
      group: "endpoints",
      direction: "ingress",
      peer: { kind: "vpc-cidr" },
      port: "HTTPS",
      purpose: "Any workload in the VPC may call AWS APIs through the interface endpoints",
    },
  ];

  for (const grant of EGRESS_GRANTS) {
    if (grant.enabled && !grant.enabled(config)) continue;
    for (const group of grant.from) {
      rules.push({
        id: `${group}-to-${grant.to}`,
        group,
        direction: "egress",
        peer: grant.peer,
        port: "HTTPS",
        purpose: grant.purpose,
      });
    }
  }
  return rules;
}
