import type { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import type { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { Construct } from "constructs";
import type { Config } from "../config";
import type { AccountContext } from "../shared/account";
import { resourceName } from "../shared/naming";
import { policyDocument, type PolicyStatement } from "../shared/policy-document";
import {
  GATEWAY_ENDPOINT_SERVICES,
  INTERFACE_ENDPOINT_CATALOGUE,
  type GatewayEndpointService,
} from "./endpoint-catalogue";

import { recordOf } from "../shared/record";
/** Only callers whose credentials belong to this account may use an endpoint. */
function sameAccount(account: AccountContext) {
  return [{ test: "StringEquals", variable: "aws:PrincipalAccount", values: [account.accountId] }];
}

const ANYONE = [{ type: "*" as const, identifiers: ["*"] }];

/**
 * DynamoDB item operations the MCP runtime and the gateway Lambdas perform: exactly the union of
 * their roles' DynamoDB actions (a test keeps the two equal), so the endpoint admits nothing
 * the workloads do not use.
 */
export const DYNAMODB_ENDPOINT_ACTIONS = [
  "dynamodb:BatchGetItem",
  "dynamodb:GetItem",
  "dynamodb:Query",
  "dynamodb:UpdateItem",
] as const;

function gatewayPolicy(
  service: GatewayEndpointService,
  account: AccountContext,
): PolicyStatement[] {
  if (service === "dynamodb") {
    return [
      {
        sid: "ThisAccountsTablesOnly",
        principals: ANYONE,
        actions: DYNAMODB_ENDPOINT_ACTIONS,
        // `table/*` also matches `table/<name>/index/<gsi>`, so queries on GSIs pass.
        resources: [account.arn("dynamodb", "table/*")],
        conditions: sameAccount(account),
      },
    ];
  }
  return [
    {
      // ECR hands out pre-signed URLs to its own layer bucket; the request is signed by ECR,
      // not by our role, so an account condition would block image pulls. This statement
      // admits reads of that one AWS-owned bucket and nothing else in S3.
      sid: "EcrImageLayersOnly",
      principals: ANYONE,
      actions: ["s3:GetObject"],
      resources: [`arn:${account.partition}:s3:::prod-${account.region}-starport-layer-bucket/*`],
    },
  ];
}

export interface GatewayEndpointsProps {
  readonly config: Config;
  readonly vpcId: string;
  readonly routeTable: RouteTable;
  readonly account: AccountContext;
}

/**
 * The S3 and DynamoDB gateway endpoints on the private route table. Their `prefix_list_id`
 * attributes feed the security-group matrix, so no region-specific pl- id is ever written down.
 */
export class GatewayEndpoints extends Construct {
  readonly endpoints: Readonly<Record<GatewayEndpointService, VpcEndpoint>>;

  constructor(scope: Construct, id: string, props: GatewayEndpointsProps) {
    super(scope, id);
    const { config, account } = props;
    this.endpoints = recordOf(
      GATEWAY_ENDPOINT_SERVICES,
      (service) =>
        new VpcEndpoint(this, service, {
          vpcId: props.vpcId,
          serviceName: `com.amazonaws.${config.region}.${service}`,
          vpcEndpointType: "Gateway",
          routeTableIds: [props.routeTable.id],
          policy: policyDocument(this, `${service}-policy`, gatewayPolicy(service, account)),
          tags: { Name: resourceName(config, "vpce", service) },
        }),
    );
  }
}

export interface InterfaceEndpointsProps {
  readonly config: Config;
  readonly vpcId: string;
  readonly subnets: readonly Subnet[];
  readonly securityGroupId: string;
  readonly account: AccountContext;
}

/**
 * One interface endpoint per configured service, each with an ENI in every subnet, private DNS
 * on, the shared endpoint security group, and a policy admitting only this account's callers,
 * only the actions the workloads use (see the endpoint catalogue). Calls authenticated by an
 * OAuth bearer token carry no IAM principal; for those, the catalogue names the actions and the
 * account-owned resources instead.
 */
export class InterfaceEndpoints extends Construct {
  /** Endpoints by service suffix, e.g. `bedrock-runtime`. */
  readonly endpoints: Readonly<Record<string, VpcEndpoint>>;

  constructor(scope: Construct, id: string, props: InterfaceEndpointsProps) {
    super(scope, id);
    const { config, account } = props;
    const endpoints: Record<string, VpcEndpoint> = {};
    for (const service of config.network.interfaceEndpoints) {
      const entry = INTERFACE_ENDPOINT_CATALOGUE[service];
      // Service names contain dots (ecr.api); construct ids and addresses use hyphens.
      const slug = service.replace(/\./g, "-");
      endpoints[service] = new VpcEndpoint(this, slug, {
        vpcId: props.vpcId,
        serviceName: `com.amazonaws.${config.region}.${service}`,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: props.subnets.map((subnet) => subnet.id),
        securityGroupIds: [props.securityGroupId],
        policy: policyDocument(this, `${slug}-policy`, [
          {
            sid: "ThisAccountWorkloadActionsOnly",
            principals: ANYONE,
            actions: entry.actions,
            resources: entry.resources.map((pattern) => account.fill(pattern)),
            conditions: sameAccount(account),
          },
          ...(entry.unscopedActions
            ? [
                {
                  sid: "ActionsWithoutResourceType",
                  principals: ANYONE,
                  actions: entry.unscopedActions,
                  // These actions take no resource; `*` is the only value IAM accepts.
                  resources: ["*"],
                  conditions: sameAccount(account),
                },
              ]
            : []),
          ...(entry.bearerToken
            ? [
                {
                  sid: "BearerTokenCallsToThisAccountsResources",
                  principals: ANYONE,
                  actions: entry.bearerToken.actions,
                  resources: entry.bearerToken.resources.map((pattern) => account.fill(pattern)),
                },
              ]
            : []),
        ]),
        tags: { Name: resourceName(config, "vpce", slug) },
      });
    }
    this.endpoints = endpoints;
  }
}
