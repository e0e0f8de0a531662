import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { Config } from "../config";
import type { SubnetRole } from "../config/schema/network";
import { AuroraCluster } from "../data/aurora";
import { DynamoTables } from "../data/dynamodb-tables";
import { DataParameters, publishedValues, slugOf } from "../data/parameters";
import { CustomerManagedKey } from "../shared/kms-key";
import { resourceName, resourcePath } from "../shared/naming";
import { TABLE_NAMES, type DataTierRefs, type TableName, type TableRef } from "./contracts";
import { TierStack } from "./tier-stack";

export interface DataStackProps {
  /** Subnet ids by role, from the network stack (cross-stack references). */
  readonly subnetIds: Readonly<Record<SubnetRole, string>>;
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
      id: props.subnetIds[role],
      // Validation guarantees exactly one subnet per role.
      az: config.network.subnets.find((subnet) => subnet.role === role)!.az,
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

    const tables = Object.fromEntries(
      TABLE_NAMES.map((name) => [
        name,
        { name: this.tables.tables[name].name, arn: this.tables.tables[name].arn },
      ]),
    ) as Record<TableName, TableRef>;
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
