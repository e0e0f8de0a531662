import {
  AURORA_POSTGRES_VERSIONS,
  BACKUP_RETENTION_DAYS,
  parseVersion,
  SERVERLESS_V2_CAPACITY,
} from "../data/aurora-versions";
import {
  keyAttributesOf,
  MAX_INDEXES_PER_TABLE,
  PITR_RECOVERY_DAYS,
  TABLE_CATALOGUE,
  type TableOverride,
} from "../data/table-catalogue";
import type { TableName } from "../stacks/contracts";
import { ConfigError } from "./errors";
import type { Config } from "./schema";

/** Cross-field rules of the `data` section; every problem found, not just the first. */
export function validateData(config: Config): ConfigError[] {
  const { data } = config;
  return [
    ...validateAurora(config),
    ...inRange(
      "data.pointInTimeRecoveryDays",
      data.pointInTimeRecoveryDays,
      PITR_RECOVERY_DAYS,
      "CFG_PITR_DAYS_RANGE",
      "DynamoDB keeps point-in-time recovery for",
    ),
    ...Object.entries(data.tables).flatMap(([name, override]) => validateTable(name, override)),
  ];
}

function inRange(
  field: string,
  value: number,
  range: { readonly min: number; readonly max: number },
  code: string,
  what: string,
): ConfigError[] {
  if (Number.isInteger(value) && value >= range.min && value <= range.max) return [];
  return [new ConfigError(code, field, value, `${what} ${range.min} to ${range.max} whole days`)];
}

function validateAurora(config: Config): ConfigError[] {
  const aurora = config.data.aurora;
  const errors = inRange(
    "data.aurora.backupRetentionDays",
    aurora.backupRetentionDays,
    BACKUP_RETENTION_DAYS,
    "CFG_BACKUP_RETENTION_RANGE",
    "RDS keeps automated backups for",
  );

  const [major, minor] = parseVersion(aurora.engineVersion);
  const known = AURORA_POSTGRES_VERSIONS[major];
  if (known === undefined) {
    errors.push(
      new ConfigError(
        "CFG_AURORA_VERSION_UNKNOWN",
        "data.aurora.engineVersion",
        aurora.engineVersion,
        `must be an Aurora PostgreSQL major version checked for the Data API: ${Object.keys(AURORA_POSTGRES_VERSIONS).join(", ")}`,
      ),
    );
  } else if (minor < known.dataApiFrom) {
    errors.push(
      new ConfigError(
        "CFG_AURORA_VERSION_NO_DATA_API",
        "data.aurora.engineVersion",
        aurora.engineVersion,
        `the Data API on Serverless v2 needs ${major}.${known.dataApiFrom} or later`,
      ),
    );
  }

  const { min, max, lowestMax, step } = SERVERLESS_V2_CAPACITY;
  const capacities = [
    ["data.aurora.minCapacity", aurora.minCapacity, min],
    ["data.aurora.maxCapacity", aurora.maxCapacity, lowestMax],
  ] as const;
  let capacitiesValid = true;
  for (const [field, value, lowest] of capacities) {
    if (value < lowest || value > max) {
      capacitiesValid = false;
      errors.push(
        new ConfigError(
          "CFG_AURORA_CAPACITY_RANGE",
          field,
          value,
          `Serverless v2 accepts ${lowest} to ${max} ACUs here`,
        ),
      );
    } else if (!Number.isInteger(value / step)) {
      capacitiesValid = false;
      errors.push(
        new ConfigError(
          "CFG_AURORA_CAPACITY_STEP",
          field,
          value,
          `ACUs come in steps of ${step}, e.g. 2 or 2.5`,
        ),
      );
    }
  }
  if (capacitiesValid && aurora.minCapacity > aurora.maxCapacity) {
    errors.push(
      new ConfigError(
        "CFG_AURORA_CAPACITY_ORDER",
        "data.aurora.minCapacity",
        aurora.minCapacity,
        `must not exceed data.aurora.maxCapacity ${aurora.maxCapacity}`,
      ),
    );
  }
  if (aurora.minCapacity === 0 && known !== undefined && minor < known.autoPauseFrom) {
    errors.push(
      new ConfigError(
        "CFG_AURORA_AUTO_PAUSE_VERSION",
        "data.aurora.minCapacity",
        0,
        `0 ACUs (auto-pause) needs engine ${major}.${known.autoPauseFrom} or later; use 0.5`,
      ),
    );
  }
  return errors;
}

function validateTable(name: string, override: TableOverride): ConfigError[] {
  const at = `data.tables.${name}`;
  if (!Object.hasOwn(TABLE_CATALOGUE, name)) {
    return [
      new ConfigError(
        "CFG_TABLE_UNKNOWN",
        at,
        name,
        `tables are ${Object.keys(TABLE_CATALOGUE).join(", ")}; new tables go in src/data/table-catalogue.ts`,
      ),
    ];
  }
  const definition = TABLE_CATALOGUE[name as TableName];
  const errors: ConfigError[] = [];

  for (const [attribute, type] of Object.entries(override.attributes ?? {})) {
    const declared = definition.attributes[attribute];
    if (declared !== undefined && declared !== type) {
      errors.push(
        new ConfigError(
          "CFG_TABLE_ATTRIBUTE_CONFLICT",
          `${at}.attributes.${attribute}`,
          type,
          `the catalogue declares ${attribute} as ${declared}; an attribute has one type`,
        ),
      );
    }
  }

  const indexes = override.indexes ?? definition.indexes;
  const types = { ...definition.attributes, ...override.attributes };
  const ttl = override.ttlAttribute;
  if (typeof ttl === "string" && types[ttl] !== undefined && types[ttl] !== "N") {
    errors.push(
      new ConfigError(
        "CFG_TTL_NOT_NUMBER",
        `${at}.ttlAttribute`,
        ttl,
        `${ttl} is declared as type ${types[ttl]}; DynamoDB TTL reads only a Number attribute ` +
          "holding epoch seconds, so name a Number attribute (or null to turn TTL off)",
      ),
    );
  }
  const seen = new Set<string>();
  if (indexes.length > MAX_INDEXES_PER_TABLE) {
    errors.push(
      new ConfigError(
        "CFG_INDEX_COUNT",
        `${at}.indexes`,
        indexes.length,
        `DynamoDB allows at most ${MAX_INDEXES_PER_TABLE} global secondary indexes per table`,
      ),
    );
  }
  indexes.forEach((index, position) => {
    const indexAt = `${at}.indexes[${position}]`;
    if (seen.has(index.name)) {
      errors.push(
        new ConfigError(
          "CFG_INDEX_DUPLICATE",
          `${indexAt}.name`,
          index.name,
          "index names must be unique within a table",
        ),
      );
    }
    seen.add(index.name);
    for (const key of ["partitionKey", "sortKey"] as const) {
      const attribute = index[key];
      if (attribute !== undefined && types[attribute] === undefined) {
        errors.push(
          new ConfigError(
            "CFG_INDEX_ATTRIBUTE_UNDEFINED",
            `${indexAt}.${key}`,
            attribute,
            `declare its type in ${at}.attributes; defined: ${Object.keys(types).sort().join(", ")}`,
          ),
        );
      }
    }
  });

  const used = keyAttributesOf(definition, indexes);
  for (const attribute of Object.keys(override.attributes ?? {})) {
    if (!used.has(attribute)) {
      errors.push(
        new ConfigError(
          "CFG_TABLE_ATTRIBUTE_UNUSED",
          `${at}.attributes.${attribute}`,
          attribute,
          "declare only attributes a key or index uses (DynamoDB rejects the others)",
        ),
      );
    }
  }

  return errors;
}
