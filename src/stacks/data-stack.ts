import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { Config } from "../config";
import type { SubnetRole } from "../config/schema/network";
import { AuroraCluster } from "../data/aurora";
import { DynamoTables } from "../data/dynamodb-tables";
import { DataParameters, publishedValues, slugOf } from "../data/parameters";
import { CustomerManagedKey } from "../shared/kms-key";
import { resourceName, resourcePath } from "../shared/naming";
import { mapRecord } from "../shared/record";
import type { DataTierRefs } from "./contracts";
import type { NetworkStack } from "./network-stack";
import { TierStack } from "./tier-stack";

/** A network-stack subnet as references: its id and the AZ name it was given in this account. */
export interface SubnetRef {
  readonly id: string;
  /** The subnet's `availability_zone`, computed from its AZ ID when it is created. */
  readonly availabilityZone: string;
}

/** The network stack's subnets by role, as the data tier reads them. */
export function subnetRefsOf(network: NetworkStack): Record<SubnetRole, SubnetRef> {
  return mapRecord(network.network.subnets, ({ id, availabilityZone }) => ({
    id,
    availabilityZone,
  }));
}

export interface DataStackProps {
  /** Subnets by role, from the network stack (cross-stack references). */
  readonly subnets: Readonly<Record<SubnetRole, SubnetRef>>;
  /** The matrix's `aurora` security group id; it has no rules, and keeps none. */
  readonly auroraSecurityGroupId: string;
}

/**
 * The data tier: the data key, Aurora PostgreSQL Serverless v2 behind the Data API, the four
 * DynamoDB tables, and the SSM parameters and outputs that tell the app tier where they are.
 * Everything here that holds data carries `prevent_destroy` (`protectStatefulResources`).
 */
export class DataStack extends TierStack {
  /** What the app tier consumes (see contracts.ts). */
  readonly refs: DataTierRefs;
  readonly dataKey: CustomerManagedKey;
  readonly aurora: AuroraCluster;
  readonly tables: DynamoTables;

  constructor(scope: Construct, config: Config, props: DataStackProps) {
    super(scope, "data", config);
    const preventDestroy = config.protectStatefulResources;
    const placed = (role: SubnetRole) => ({
      id: props.subnets[role].id,
      // Validation guarantees exactly one subnet per role.
      azId: config.network.subnets.find((subnet) => subnet.role === role)!.azId,
      azName: props.subnets[role].availabilityZone,
    });

    this.dataKey = new CustomerManagedKey(this, "data-key", {
      description:
        "Encrypts the DynamoDB tables, Aurora storage and snapshots, and the Aurora secret",
      alias: resourceName(config, "data"),
      account: this.account,
      preventDestroy,
    });

    this.aurora = new AuroraCluster(this, "aurora", {
      config,
      account: this.account,
      dataKeyArn: this.dataKey.arn,
      writerSubnet: placed("data"),
      secondSubnet: placed(config.data.aurora.secondSubnetRole),
      securityGroupId: props.auroraSecurityGroupId,
      preventDestroy,
    });

    this.tables = new DynamoTables(this, "tables", {
      config,
      dataKeyArn: this.dataKey.arn,
      preventDestroy,
    });

    const tables = mapRecord(this.tables.tables, ({ name, arn }) => ({ name, arn }));
    this.refs = {
      tables,
      aurora: {
        clusterArn: this.aurora.cluster.arn,
        secretArn: this.aurora.secretArn,
        databaseName: config.data.aurora.databaseName,
      },
      dataKeyArn: this.dataKey.arn,
      parameterPath: resourcePath(config, "data"),
    };

    new DataParameters(this, "parameters", { refs: this.refs });
    for (const published of publishedValues(this.refs)) {
      new TerraformOutput(this, slugOf(published), {
        value: published.value,
        description: published.description,
      });
    }
  }
}
