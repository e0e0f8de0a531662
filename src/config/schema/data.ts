import { z } from "zod";
import { ATTRIBUTE_TYPES, PROJECTIONS } from "../../data/table-catalogue";
import { logRetentionDays } from "./common";

/** DynamoDB attribute names used as keys: the seed's snake_case item fields. */
const ATTRIBUTE_NAME = /^[a-z][a-z0-9_]{0,63}$/;
/** DynamoDB index names: 3-255 of a-z, A-Z, 0-9, '_', '-', '.'; we keep to kebab-case. */
const INDEX_NAME = /^[a-z][a-z0-9-]{2,63}$/;
/** PostgreSQL identifier (unquoted, lower case), at most 63 bytes. */
const DATABASE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

const attributeName = z
  .string()
  .regex(ATTRIBUTE_NAME, "attribute names are snake_case: a-z, 0-9, '_', starting with a letter");

export const indexSchema = z.strictObject({
  /** Index name (kebab-case), e.g. `by-category`. Renaming an index rebuilds it. */
  name: z.string().regex(INDEX_NAME, "index names are kebab-case, 3-64 characters"),
  /** Partition key attribute; must be a key attribute of the table or declared in `attributes`. */
  partitionKey: attributeName,
  /** Optional sort key attribute, declared like the partition key. */
  sortKey: attributeName.optional(),
  /** ALL or KEYS_ONLY. Default: ALL, so a query on the index needs no second read. */
  projection: z.enum(PROJECTIONS).default("ALL"),
});

export const tableOverrideSchema = z.strictObject({
  /** Types of attributes the overriding indexes use, added to the catalogue's (S, N or B). */
  attributes: z.record(attributeName, z.enum(ATTRIBUTE_TYPES)).optional(),
  /** Global secondary indexes; replaces the catalogue's list for this table. */
  indexes: z.array(indexSchema).optional(),
  /** TTL attribute (epoch seconds); `null` switches the catalogue's TTL off. */
  ttlAttribute: attributeName.nullable().optional(),
});

export const auroraSchema = z.strictObject({
  /**
   * Aurora PostgreSQL engine version, `major.minor`. Default: 16.6, which has the Data API for
   * Serverless v2 (16.1+), scale-to-zero (16.3+) and 256-ACU instances. Versions without the
   * Data API are refused (see src/data/aurora-versions.ts).
   */
  engineVersion: z
    .string()
    .regex(/^\d+\.\d+$/, "must be major.minor, e.g. 16.6")
    .default("16.6"),
  /** Database created in the cluster and named in every Data API call. Default: `sampledb`. */
  databaseName: z
    .string()
    .regex(DATABASE_NAME, "must be a lower-case PostgreSQL identifier of at most 63 characters")
    .default("sampledb"),
  /**
   * Lowest capacity in ACUs, 0 to 256 in steps of 0.5. Default: 0.5. 0 lets the instance pause
   * when idle; the first Data API call afterwards waits for it to resume (about 15 s).
   */
  minCapacity: z.number().default(0.5),
  /** Highest capacity in ACUs, 1 to 256 in steps of 0.5, not below minCapacity. Default: 4. */
  maxCapacity: z.number().default(4),
  /** Days of automated backups (point-in-time restore window), 1 to 35. Default: 14. */
  backupRetentionDays: z.number().default(14),
  /** Days to keep the PostgreSQL log exported to CloudWatch. Default: 90. */
  logRetentionDays: logRetentionDays.default(90),
  /**
   * The subnet, by role, that gives the DB subnet group its second AZ. Default: `agent-runtime`.
   *
   * The seed draws Aurora in the data subnet (AZ b) only, but a DB subnet group must span two
   * AZs. The writer stays pinned to the data subnet's AZ; this subnet is where RDS may place a
   * failover instance. The agent runtime's subnet is the default because the agent runtime is
   * the database's consumer in the seed, so no other tier's subnet is involved.
   */
  secondSubnetRole: z
    .enum(["agent-runtime", "mcp-runtime"], {
      message: "must be agent-runtime or mcp-runtime (the data subnet is already in the group)",
    })
    .default("agent-runtime"),
});

export const dataSchema = z.strictObject({
  /**
   * AWS-side deletion protection on the Aurora cluster and every table, on top of Terraform's
   * prevent_destroy. Default: true.
   */
  deletionProtection: z.boolean().default(true),
  /** Days of DynamoDB point-in-time recovery, 1 to 35. Default: 35, the most AWS keeps. */
  pointInTimeRecoveryDays: z.number().default(35),
  aurora: auroraSchema.prefault({}),
  /**
   * Per-table overrides by logical name (products, reviews, warranty, customer-profile). Keys
   * and names of tables are not overridable: changing them would replace the table.
   */
  tables: z.record(z.string(), tableOverrideSchema).default({}),
});

export type DataConfig = z.infer<typeof dataSchema>;
export type AuroraConfig = z.infer<typeof auroraSchema>;
