import { z } from "zod";
import { SEED_INTERFACE_ENDPOINTS } from "../../network/endpoint-catalogue";
import { kebabName, logRetentionDays } from "./common";

/**
 * What runs in a subnet. Each role appears exactly once; the security-group matrix and the
 * placement of runtimes, Lambdas and Aurora are keyed by role, never by CIDR or index.
 */
export const SUBNET_ROLES = ["agent-runtime", "data", "mcp-runtime"] as const;
export type SubnetRole = (typeof SUBNET_ROLES)[number];

export const subnetSchema = z.strictObject({
  /** Construct id and Name tag suffix. Becomes part of the Terraform address: never rename. */
  name: kebabName("subnet name", 32),
  /** What is placed in this subnet. */
  role: z.enum(SUBNET_ROLES, { message: `must be one of ${SUBNET_ROLES.join(", ")}` }),
  /** IPv4 CIDR inside the VPC CIDR, /16 to /28. */
  cidr: z.string(),
  /**
   * Availability-zone ID, e.g. `usw2-az1`: one of the zones of `region` where AgentCore Runtime
   * accepts subnets (src/config/regions.ts). An ID, not a name: `us-west-2a` is a per-account
   * alias that may be another physical zone in another account, and AgentCore documents IDs.
   * Find the ID behind a name with `aws ec2 describe-availability-zones`.
   */
  azId: z.string(),
});

export const networkSchema = z.strictObject({
  /** The VPC's IPv4 CIDR. Default: the seed's 10.0.0.0/16. */
  vpcCidr: z.string().default("10.0.0.0/16"),
  /**
   * The private subnets, one per role, each in its own AZ. Default: the seed's plan. The seed
   * numbers them out of CIDR order (10.0.3, 10.0.4, 10.0.1); we keep its CIDRs so addresses
   * seen in flow logs match the diagrams people already have.
   *
   * The seed draws them in us-west-2a, b and c. Those names are aliases in the seed author's
   * account, so we pin IDs instead: usw2-az1, az2 and az3, the three zones AgentCore supports
   * in us-west-2. Pairing a with az1, b with az2, c with az3 is our convention, not a fact
   * about any account.
   */
  subnets: z.array(subnetSchema).default([
    { name: "agent-runtime", role: "agent-runtime", cidr: "10.0.3.0/24", azId: "usw2-az1" },
    { name: "data", role: "data", cidr: "10.0.4.0/24", azId: "usw2-az2" },
    { name: "mcp-runtime", role: "mcp-runtime", cidr: "10.0.1.0/24", azId: "usw2-az3" },
  ]),
  /**
   * Interface endpoints, by service suffix (`com.amazonaws.<region>.<suffix>`), each placed in
   * every subnet. Default: the seed's twelve. Each must be in the endpoint catalogue.
   */
  interfaceEndpoints: z.array(z.string()).default([...SEED_INTERFACE_ENDPOINTS]),
  /**
   * Let the agent and MCP runtimes send TCP 443 to the S3 prefix list. Default: true.
   *
   * The seed pulls ECR image layers through the S3 gateway endpoint but gives the runtimes no S3
   * egress rule, so a cold start would hang on the first layer. The S3 endpoint policy admits
   * only ECR's layer bucket, so this rule opens image layers and nothing else in S3.
   */
  imageLayerEgress: z.boolean().default(true),
  flowLogs: z
    .strictObject({
      /** Days to keep VPC flow logs. Default: 365 (a year, the usual audit look-back). */
      retentionDays: logRetentionDays.default(365),
      /** Aggregation window in seconds: 60 or 600. Default: 60, for quicker incident response. */
      maxAggregationInterval: z
        .union([z.literal(60), z.literal(600)], { message: "must be 60 or 600 seconds" })
        .default(60),
    })
    .prefault({}),
});

export type NetworkConfig = z.infer<typeof networkSchema>;
export type SubnetConfig = z.infer<typeof subnetSchema>;
