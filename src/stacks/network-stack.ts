import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { Config } from "../config";
import { GatewayEndpoints, InterfaceEndpoints } from "../network/endpoints";
import { FlowLogs } from "../network/flow-logs";
import { PrivateVpc } from "../network/private-vpc";
import { declaredMatrix } from "../network/security-group-matrix";
import { SecurityGroupMatrix } from "../network/security-groups";
import { TierStack } from "./tier-stack";

/**
 * The network tier: VPC, subnets, route table, gateway and interface endpoints, the
 * security-group matrix (including the groups the data and app tiers attach to) and flow logs.
 *
 * Other stacks use its public fields; cdktf turns each such reference into an output here and a
 * `terraform_remote_state` lookup there, so the tiers plan against separate state.
 */
export class NetworkStack extends TierStack {
  readonly network: PrivateVpc;
  readonly gatewayEndpoints: GatewayEndpoints;
  readonly securityGroups: SecurityGroupMatrix;
  readonly interfaceEndpoints: InterfaceEndpoints;
  readonly flowLogs: FlowLogs;

  constructor(scope: Construct, config: Config) {
    super(scope, "network", config);

    this.network = new PrivateVpc(this, "network", { config });
    const vpcId = this.network.vpc.id;

    this.gatewayEndpoints = new GatewayEndpoints(this, "gateway-endpoints", {
      config,
      vpcId,
      routeTable: this.network.routeTable,
      account: this.account,
    });

    this.securityGroups = new SecurityGroupMatrix(this, "security-groups", {
      config,
      vpcId,
      rules: declaredMatrix(config),
      prefixLists: {
        s3: this.gatewayEndpoints.endpoints.s3.prefixListId,
        dynamodb: this.gatewayEndpoints.endpoints.dynamodb.prefixListId,
      },
    });

    this.interfaceEndpoints = new InterfaceEndpoints(this, "interface-endpoints", {
      config,
      vpcId,
      subnets: this.network.subnetList,
      securityGroupId: this.securityGroups.groups.endpoints.id,
      account: this.account,
    });

    this.flowLogs = new FlowLogs(this, "flow-logs", {
      config,
      vpcId,
      account: this.account,
      preventDestroy: config.protectStatefulResources,
    });

    new TerraformOutput(this, "vpc-id", { value: vpcId, description: "The private VPC" });
    new TerraformOutput(this, "subnet-ids", {
      description: "Private subnet ids by role",
      value: Object.fromEntries(
        Object.entries(this.network.subnets).map(([role, subnet]) => [role, subnet.id]),
      ),
    });
    new TerraformOutput(this, "security-group-ids", {
      description: "Security group ids by matrix name",
      value: Object.fromEntries(
        Object.entries(this.securityGroups.groups).map(([name, group]) => [name, group.id]),
      ),
    });
    new TerraformOutput(this, "flow-log-group", {
      description: "CloudWatch log group holding the VPC flow logs",
      value: this.flowLogs.logGroup.name,
    });
  }
}
