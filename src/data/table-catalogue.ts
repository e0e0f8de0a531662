import type { TableName } from "../stacks/contracts";

/** DynamoDB scalar attribute types usable in keys: string, number, binary. */
export const ATTRIBUTE_TYPES = ["S", "N", "B"] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** What a global secondary index copies from the base table. */
export const PROJECTIONS = ["ALL", "KEYS_ONLY"] as const;
export type Projection = (typeof PROJECTIONS)[number];

/** A global secondary index: the access pattern it serves and its keys, by attribute name. */
export interface IndexDefinition {
  /** Index name, used by queries (`IndexName`). Renaming one rebuilds the index. */
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
  /** Default: ALL, so a query on the index needs no second read of the base table. */
  readonly projection?: Projection;
}

/** One table as data. Attribute names are the seed's snake_case item fields. */
export interface TableDefinition {
  /** Who reads it and for what; becomes a tag and the README row. */
  readonly purpose: string;
  /**
   * Types of the attributes used as keys, of the table or of an index. DynamoDB wants exactly
   * these declared: no more (an unused definition is rejected), no fewer.
   */
  readonly attributes: Readonly<Record<string, AttributeType>>;
  /** Partition key. Part of the table's identity: changing it replaces the table. */
  readonly partitionKey: string;
  /** Sort key, if items under one partition key are ranged. Changing it replaces the table. */
  readonly sortKey?: string;
  readonly indexes: readonly IndexDefinition[];
  /**
   * Time-to-live attribute (epoch seconds); items whose value is in the past are deleted by
   * DynamoDB within days. Items without the attribute never expire.
   */
  readonly ttlAttribute?: string;
  /** Why the table has, or has no, TTL. */
  readonly ttlReason: string;
}

/**
 * The four tables of the seed: Products and Reviews (the MCP runtime's data), Warranty and
 * CustomerProfile (the gateway Lambdas'). Keys follow the access patterns the seed names:
 * products by category, reviews by product and by customer, warranty by serial number and by
 * customer, profiles by id and by e-mail.
 *
 * Logical names are the released contract (`TABLE_NAMES`); the record's type makes a missing or
 * extra table a compile error.
 */
export const TABLE_CATALOGUE: Readonly<Record<TableName, TableDefinition>> = {
  products: {
    purpose: "Product catalogue the MCP runtime lists and looks up",
    attributes: { product_id: "S", category: "S", name: "S" },
    partitionKey: "product_id",
    indexes: [{ name: "by-category", partitionKey: "category", sortKey: "name" }],
    ttlReason: "products are reference data; they are retired by a flag, never by expiry",
  },
  reviews: {
    purpose: "Customer reviews the MCP runtime reads per product and per customer",
    // review_id is time-ordered (a ULID), so a product's reviews come back newest last.
    attributes: { product_id: "S", review_id: "S", customer_id: "S", created_at: "S" },
    partitionKey: "product_id",
    sortKey: "review_id",
    indexes: [{ name: "by-customer", partitionKey: "customer_id", sortKey: "created_at" }],
    ttlReason: "reviews are published content with lasting value; none expires",
  },
  warranty: {
    purpose: "Warranty registrations the gateway Lambda looks up by serial number or customer",
    attributes: { serial_number: "S", customer_id: "S", purchase_date: "S" },
    partitionKey: "serial_number",
    indexes: [{ name: "by-customer", partitionKey: "customer_id", sortKey: "purchase_date" }],
    ttlReason:
      "an expired warranty is still evidence in a later claim or dispute, so records are kept",
  },
  "customer-profile": {
    purpose: "Customer profiles the gateway Lambda reads and updates by id or e-mail",
    attributes: { customer_id: "S", email: "S" },
    partitionKey: "customer_id",
    indexes: [{ name: "by-email", partitionKey: "email" }],
    ttlAttribute: "purge_after",
    ttlReason:
      "erasure requests: the profile service sets purge_after when an account is closed, and " +
      "DynamoDB deletes the personal data without a batch job; open accounts carry no value",
  },
};

/** Config overrides of one table (see `data.tables` in the config schema). */
export interface TableOverride {
  readonly attributes?: Readonly<Record<string, AttributeType>>;
  readonly indexes?: readonly IndexDefinition[];
  readonly ttlAttribute?: string | null;
}

/** A table after overrides: what the construct builds. */
export interface ResolvedTable {
  readonly logicalName: TableName;
  readonly definition: TableDefinition;
  /** Only the attributes some key uses, sorted by name (DynamoDB rejects unused ones). */
  readonly attributeDefinitions: readonly { name: string; type: AttributeType }[];
  readonly indexes: readonly IndexDefinition[];
  readonly ttlAttribute?: string;
}

/** Attribute names a table's keys and indexes use. */
export function keyAttributesOf(
  definition: Pick<TableDefinition, "partitionKey" | "sortKey">,
  indexes: readonly IndexDefinition[],
): Set<string> {
  const used = new Set([definition.partitionKey]);
  if (definition.sortKey) used.add(definition.sortKey);
  for (const index of indexes) {
    used.add(index.partitionKey);
    if (index.sortKey) used.add(index.sortKey);
  }
  return used;
}

/**
 * Applies an override to a catalogue entry: extra attribute types are added, a given index list
 * replaces the catalogue's (arrays replace, as everywhere in config), `ttlAttribute: null` turns
 * TTL off. Assumes the config validator has accepted the override.
 */
export function resolveTable(logicalName: TableName, override: TableOverride = {}): ResolvedTable {
  const definition = TABLE_CATALOGUE[logicalName];
  const types: Record<string, AttributeType> = {
    ...definition.attributes,
    ...override.attributes,
  };
  const indexes = override.indexes ?? definition.indexes;
  const attributeDefinitions = [...keyAttributesOf(definition, indexes)]
    .sort()
    .map((name) => ({ name, type: types[name] }));
  const ttlAttribute =
    override.ttlAttribute === undefined
      ? definition.ttlAttribute
      : (override.ttlAttribute ?? undefined);
  return { logicalName, definition, attributeDefinitions, indexes, ttlAttribute };
}

/** Point-in-time recovery windows DynamoDB accepts, in days. */
export const PITR_RECOVERY_DAYS = { min: 1, max: 35 } as const;

/** DynamoDB's limit of global secondary indexes per table. */
export const MAX_INDEXES_PER_TABLE = 20;
