import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";
import type { Config } from "../config";
import type { SubnetRole } from "../config/schema/network";
import { resourceName } from "../shared/naming";

export interface PrivateVpcProps {
  readonly config: Config;
}

/**
 * The VPC, its private subnets and its one route table. There is no internet gateway, NAT
 * gateway, egress-only gateway or default route: the route table holds only the implicit
 * `local` route, plus the gateway-endpoint prefix-list routes that AWS adds when
 * {@link GatewayEndpoints} attach to it.
 *
 * The default security group is taken over with no rules at all, so an ENI created without
 * an explicit group (a console click, a forgotten argument) can neither send nor receive.
 */
export class PrivateVpc extends Construct {
  readonly vpc: Vpc;
  /** Subnets by role; the single source for placing runtimes, Lambdas and Aurora. */
  readonly subnets: Readonly<Record<SubnetRole, Subnet>>;
  /** All subnets, in config order (the order of interface-endpoint ENIs). */
  readonly subnetList: readonly Subnet[];
  readonly routeTable: RouteTable;

  constructor(scope: Construct, id: string, props: PrivateVpcProps) {
    super(scope, id);
    const { config } = props;

    this.vpc = new Vpc(this, "vpc", {
      cidrBlock: config.network.vpcCidr,
      // Both DNS flags are required for interface endpoints' private DNS names to resolve.
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: resourceName(config, "vpc") },
    });

    new DefaultSecurityGroup(this, "default-security-group", {
      vpcId: this.vpc.id,
      // No ingress and no egress attribute: the provider then revokes every rule on the default
      // group. (An empty list would mean something else; see PITFALLS P1.)
      tags: { Name: resourceName(config, "default-locked") },
    });

    this.routeTable = new RouteTable(this, "private-route-table", {
      vpcId: this.vpc.id,
      tags: { Name: resourceName(config, "private") },
    });

    const byRole: Partial<Record<SubnetRole, Subnet>> = {};
    this.subnetList = config.network.subnets.map((plan) => {
      const subnet = new Subnet(this, `subnet-${plan.name}`, {
        vpcId: this.vpc.id,
        cidrBlock: plan.cidr,
        // By ID, never by name: names are per-account aliases, and AgentCore lists the zones
        // it supports by ID (src/config/regions.ts). The provider then computes the name.
        availabilityZoneId: plan.azId,
        mapPublicIpOnLaunch: false,
        tags: { Name: resourceName(config, plan.name), Role: plan.role },
      });
      new RouteTableAssociation(this, `subnet-${plan.name}-routes`, {
        subnetId: subnet.id,
        routeTableId: this.routeTable.id,
      });
      byRole[plan.role] = subnet;
      return subnet;
    });
    // Config validation guarantees exactly one subnet per role.
    this.subnets = byRole as Record<SubnetRole, Subnet>;
  }
}
