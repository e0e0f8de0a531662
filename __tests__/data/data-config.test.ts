import { ConfigErrors, parseConfig } from "../../src/config";
import {
  keyAttributesOf,
  TABLE_CATALOGUE,
  type TableDefinition,
} from "../../src/data/table-catalogue";
import { TABLE_NAMES } from "../../src/stacks/contracts";

/** The errors parsing `data` raises, as [code, field]; fails the test if it parses. */
function errorsOf(data: unknown): [string, string][] {
  try {
    parseConfig({ data });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigErrors);
    return (error as ConfigErrors).errors.map(({ code, field }) => [code, field]);
  }
  throw new Error("expected the config to be rejected");
}

/** The one error's message, for checking it says what is allowed. */
function messageOf(data: unknown): string {
  try {
    parseConfig({ data });
  } catch (error) {
    return (error as ConfigErrors).errors[0].message;
  }
  throw new Error("expected the config to be rejected");
}

const aurora = (change: Record<string, unknown>) => ({ aurora: change });

describe("the data configuration's defaults", () => {
  it("are the seed's data tier, protected", () => {
    const { data } = parseConfig({});
    expect(data).toEqual({
      deletionProtection: true,
      pointInTimeRecoveryDays: 35,
      aurora: {
        engineVersion: "16.6",
        databaseName: "sampledb",
        minCapacity: 0.5,
        maxCapacity: 4,
        backupRetentionDays: 14,
        logRetentionDays: 90,
        secondSubnetRole: "agent-runtime",
      },
      tables: {},
    });
  });

  it("accept a valid override of every kind", () => {
    const { data } = parseConfig({
      data: {
        pointInTimeRecoveryDays: 7,
        aurora: {
          engineVersion: "17.4",
          minCapacity: 0,
          maxCapacity: 256,
          backupRetentionDays: 35,
        },
        tables: {
          warranty: {
            attributes: { status: "S" },
            indexes: [{ name: "by-status", partitionKey: "status", sortKey: "purchase_date" }],
            ttlAttribute: "expires_at",
          },
        },
      },
    });
    expect(data.tables.warranty.indexes?.[0].projection).toBe("ALL");
  });
});

describe("the table catalogue", () => {
  it.each(TABLE_NAMES)("declares exactly the attributes %s's keys and indexes use", (name) => {
    const definition: TableDefinition = TABLE_CATALOGUE[name];
    expect([...keyAttributesOf(definition, definition.indexes)].sort()).toEqual(
      Object.keys(definition.attributes).sort(),
    );
  });

  it("explains every table's TTL choice", () => {
    for (const name of TABLE_NAMES) {
      expect(TABLE_CATALOGUE[name].ttlReason.length).toBeGreaterThan(20);
    }
  });
});

describe("Aurora configuration validation", () => {
  it("rejects a capacity below 0 or above 256 ACUs, and a maximum below 1", () => {
    expect(errorsOf(aurora({ minCapacity: -1 }))).toEqual([
      ["CFG_AURORA_CAPACITY_RANGE", "data.aurora.minCapacity"],
    ]);
    expect(errorsOf(aurora({ maxCapacity: 512 }))).toEqual([
      ["CFG_AURORA_CAPACITY_RANGE", "data.aurora.maxCapacity"],
    ]);
    expect(errorsOf(aurora({ minCapacity: 0.5, maxCapacity: 0.5 }))).toEqual([
      ["CFG_AURORA_CAPACITY_RANGE", "data.aurora.maxCapacity"],
    ]);
    expect(messageOf(aurora({ maxCapacity: 512 }))).toContain("1 to 256 ACUs");
  });

  it("rejects a capacity that is not a multiple of 0.5", () => {
    expect(errorsOf(aurora({ maxCapacity: 2.25 }))).toEqual([
      ["CFG_AURORA_CAPACITY_STEP", "data.aurora.maxCapacity"],
    ]);
  });

  it("rejects a minimum above the maximum", () => {
    expect(errorsOf(aurora({ minCapacity: 8, maxCapacity: 4 }))).toEqual([
      ["CFG_AURORA_CAPACITY_ORDER", "data.aurora.minCapacity"],
    ]);
    expect(messageOf(aurora({ minCapacity: 8, maxCapacity: 4 }))).toContain("maxCapacity 4");
  });

  it("rejects 0 ACUs on an engine version without auto-pause", () => {
    expect(errorsOf(aurora({ engineVersion: "16.2", minCapacity: 0 }))).toEqual([
      ["CFG_AURORA_AUTO_PAUSE_VERSION", "data.aurora.minCapacity"],
    ]);
    expect(parseConfig({ data: aurora({ engineVersion: "16.3", minCapacity: 0 }) })).toBeTruthy();
  });

  it("rejects an engine version without the Data API for Serverless v2", () => {
    expect(errorsOf(aurora({ engineVersion: "13.9" }))).toEqual([
      ["CFG_AURORA_VERSION_NO_DATA_API", "data.aurora.engineVersion"],
    ]);
    expect(messageOf(aurora({ engineVersion: "13.9" }))).toContain("13.11 or later");
  });

  it("rejects a major version nobody has checked for the Data API", () => {
    expect(errorsOf(aurora({ engineVersion: "12.22" }))).toEqual([
      ["CFG_AURORA_VERSION_UNKNOWN", "data.aurora.engineVersion"],
    ]);
  });

  it("rejects a backup retention outside RDS's 1 to 35 days", () => {
    for (const days of [0, 36, 7.5]) {
      expect(errorsOf(aurora({ backupRetentionDays: days }))).toEqual([
        ["CFG_BACKUP_RETENTION_RANGE", "data.aurora.backupRetentionDays"],
      ]);
    }
  });

  it.each([
    ["an engine version that is not major.minor", "engineVersion", "16"],
    ["a log retention CloudWatch does not offer", "logRetentionDays", 42],
    ["a database name PostgreSQL would need quoted", "databaseName", "Sample-DB"],
    ["the data subnet as the subnet group's second subnet", "secondSubnetRole", "data"],
  ])("rejects %s", (_, field, value) => {
    expect(errorsOf(aurora({ [field]: value }))).toEqual([["CFG_INVALID", `data.aurora.${field}`]]);
  });

  it("rejects an unknown Aurora setting", () => {
    expect(errorsOf(aurora({ minAcu: 1 }))).toEqual([["CFG_UNKNOWN_KEY", "data.aurora.minAcu"]]);
  });
});

describe("DynamoDB configuration validation", () => {
  it("rejects a point-in-time recovery window outside 1 to 35 days", () => {
    expect(errorsOf({ pointInTimeRecoveryDays: 0 })).toEqual([
      ["CFG_PITR_DAYS_RANGE", "data.pointInTimeRecoveryDays"],
    ]);
    expect(errorsOf({ pointInTimeRecoveryDays: 36 })).toEqual([
      ["CFG_PITR_DAYS_RANGE", "data.pointInTimeRecoveryDays"],
    ]);
  });

  it("rejects an override of a table the catalogue does not have, listing the tables", () => {
    expect(errorsOf({ tables: { orders: {} } })).toEqual([
      ["CFG_TABLE_UNKNOWN", "data.tables.orders"],
    ]);
    expect(messageOf({ tables: { orders: {} } })).toContain(
      "products, reviews, warranty, customer-profile",
    );
  });

  it("rejects a TTL attribute that is not a Number, such as a String key", () => {
    expect(errorsOf({ tables: { products: { ttlAttribute: "product_id" } } })).toEqual([
      ["CFG_TTL_NOT_NUMBER", "data.tables.products.ttlAttribute"],
    ]);
    expect(() =>
      parseConfig({ data: { tables: { products: { ttlAttribute: null } } } }),
    ).not.toThrow();
  });

  it("rejects a GSI naming an attribute whose type is declared nowhere", () => {
    const tables = {
      reviews: { indexes: [{ name: "by-rating", partitionKey: "rating", sortKey: "stars" }] },
    };
    expect(errorsOf({ tables })).toEqual([
      ["CFG_INDEX_ATTRIBUTE_UNDEFINED", "data.tables.reviews.indexes[0].partitionKey"],
      ["CFG_INDEX_ATTRIBUTE_UNDEFINED", "data.tables.reviews.indexes[0].sortKey"],
    ]);
    expect(messageOf({ tables })).toContain("declare its type in data.tables.reviews.attributes");
  });

  it("rejects two GSIs with one name", () => {
    const index = { name: "by-category", partitionKey: "category" };
    expect(errorsOf({ tables: { products: { indexes: [index, index] } } })).toEqual([
      ["CFG_INDEX_DUPLICATE", "data.tables.products.indexes[1].name"],
    ]);
  });

  it("rejects more GSIs than DynamoDB allows", () => {
    const indexes = Array.from({ length: 21 }, (_, i) => ({
      name: `by-category-${i}`,
      partitionKey: "category",
    }));
    expect(errorsOf({ tables: { products: { indexes } } })).toEqual([
      ["CFG_INDEX_COUNT", "data.tables.products.indexes"],
    ]);
  });

  it("rejects an attribute declared but used by no key", () => {
    expect(errorsOf({ tables: { products: { attributes: { colour: "S" } } } })).toEqual([
      ["CFG_TABLE_ATTRIBUTE_UNUSED", "data.tables.products.attributes.colour"],
    ]);
  });

  it("rejects a second type for an attribute the catalogue declares", () => {
    expect(errorsOf({ tables: { products: { attributes: { category: "N" } } } })).toEqual([
      ["CFG_TABLE_ATTRIBUTE_CONFLICT", "data.tables.products.attributes.category"],
    ]);
  });

  it("rejects a malformed index or attribute type", () => {
    expect(
      errorsOf({ tables: { products: { indexes: [{ name: "x", partitionKey: "category" }] } } }),
    ).toEqual([["CFG_INVALID", "data.tables.products.indexes[0].name"]]);
    expect(errorsOf({ tables: { products: { attributes: { category: "STRING" } } } })).toEqual([
      ["CFG_INVALID", "data.tables.products.attributes.category"],
    ]);
  });
});
