import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { Construct } from "constructs";
import type { Config } from "../config";
import { resourceName } from "../shared/naming";
import { recordOf } from "../shared/record";
import { TABLE_NAMES, type TableName } from "../stacks/contracts";
import { resolveTable } from "./table-catalogue";

export interface DynamoTablesProps {
  readonly config: Config;
  /** Customer-managed key for server-side encryption of every table. */
  readonly dataKeyArn: string;
  /** Refuse `terraform destroy` of the tables. */
  readonly preventDestroy: boolean;
}

/**
 * One DynamoDB table per catalogue entry (after config overrides), each built the same way:
 * on-demand billing, point-in-time recovery, SSE with the data key, deletion protection, and
 * `prevent_destroy`. The construct id of a table is its logical name, so its address is
 * `aws_dynamodb_table.tables_<name>` and never changes with the physical name.
 */
export class DynamoTables extends Construct {
  readonly tables: Readonly<Record<TableName, DynamodbTable>>;

  constructor(scope: Construct, id: string, props: DynamoTablesProps) {
    super(scope, id);
    const { config } = props;
    this.tables = recordOf(TABLE_NAMES, (logicalName) => {
      const table = resolveTable(logicalName, config.data.tables[logicalName]);
      return new DynamodbTable(this, logicalName, {
        name: resourceName(config, logicalName),
        billingMode: "PAY_PER_REQUEST",
        hashKey: table.definition.partitionKey,
        rangeKey: table.definition.sortKey,
        attribute: table.attributeDefinitions.map(({ name, type }) => ({ name, type })),
        globalSecondaryIndex: table.indexes.map((index) => ({
          name: index.name,
          hashKey: index.partitionKey,
          rangeKey: index.sortKey,
          projectionType: index.projection ?? "ALL",
        })),
        pointInTimeRecovery: {
          enabled: true,
          recoveryPeriodInDays: config.data.pointInTimeRecoveryDays,
        },
        serverSideEncryption: { enabled: true, kmsKeyArn: props.dataKeyArn },
        deletionProtectionEnabled: config.data.deletionProtection,
        // Omitted when the table has no TTL attribute: then nothing in it ever expires.
        ttl: table.ttlAttribute ? { attributeName: table.ttlAttribute, enabled: true } : undefined,
        tags: { LogicalName: logicalName, Purpose: table.definition.purpose },
        lifecycle: { preventDestroy: props.preventDestroy },
      });
    });
  }
}
