import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";
import type { Config } from "../config";
import { resourceName } from "../shared/naming";
import { PORTS } from "../shared/ports";
import { mapRecord } from "../shared/record";
import type { GatewayEndpointService } from "./endpoint-catalogue";
import { SECURITY_GROUPS, type FlowRule, type GroupName, type Peer } from "./security-group-matrix";

export interface SecurityGroupMatrixProps {
  readonly config: Config;
  readonly vpcId: string;
  /** The rows to build; normally `declaredMatrix(config)`. */
  readonly rules: readonly FlowRule[];
  /** Prefix-list ids of the gateway endpoints, by service. */
  readonly prefixLists: Readonly<Record<GatewayEndpointService, string>>;
}

/**
 * The security groups and their rules, built from the declared matrix.
 *
 * One rule style only (PITFALLS P1): every rule is a standalone `aws_vpc_security_group_*_rule`
 * and the groups carry no `ingress`/`egress` attribute at all, not even an empty one. Terraform
 * strips AWS's default allow-all egress when it creates a group, so a group with no egress row
 * (Aurora) really sends nothing.
 *
 * These groups are attached to Lambda and AgentCore ENIs, which AWS releases hours after the
 * function or runtime is gone (PITFALLS P10): never rename a group or change its
 * `description`/`name` (both force replacement), and expect a delete to wait on those ENIs.
 */
export class SecurityGroupMatrix extends Construct {
  readonly groups: Readonly<Record<GroupName, SecurityGroup>>;

  constructor(scope: Construct, id: string, props: SecurityGroupMatrixProps) {
    super(scope, id);
    const { config } = props;

    const groups = mapRecord(
      SECURITY_GROUPS,
      (description, name) =>
        new SecurityGroup(this, name, {
          name: resourceName(config, name),
          description,
          vpcId: props.vpcId,
          tags: { Name: resourceName(config, name) },
        }),
    );
    this.groups = groups;

    for (const rule of props.rules) {
      const target = this.peerArguments(rule.peer, props);
      const common = {
        securityGroupId: groups[rule.group].id,
        ipProtocol: "tcp",
        fromPort: PORTS[rule.port],
        toPort: PORTS[rule.port],
        description: rule.purpose,
        tags: { Name: resourceName(config, rule.id) },
        ...target,
      };
      if (rule.direction === "ingress") {
        new VpcSecurityGroupIngressRule(this, rule.id, common);
      } else {
        new VpcSecurityGroupEgressRule(this, rule.id, common);
      }
    }
  }

  private peerArguments(peer: Peer, props: SecurityGroupMatrixProps) {
    switch (peer.kind) {
      case "group":
        return { referencedSecurityGroupId: this.groups[peer.group].id };
      case "prefix-list":
        return { prefixListId: props.prefixLists[peer.service] };
      case "vpc-cidr":
        return { cidrIpv4: props.config.network.vpcCidr };
    }
  }
}
