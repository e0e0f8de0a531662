/**
 * What each Aurora PostgreSQL major version needs for the features this tier relies on, as
 * `[major, minor]` minimums. Sources: AWS "Supported Regions and Aurora DB engines for RDS Data
 * API" (PostgreSQL Serverless v2 and provisioned) and "Scaling to zero ACUs with automatic pause
 * and resume". A major version absent here is refused: check both pages before adding one.
 */
export interface AuroraMajorVersion {
  /** First minor version with the Data API on Serverless v2 clusters. */
  readonly dataApiFrom: number;
  /** First minor version accepting a minimum capacity of 0 ACUs (auto-pause). */
  readonly autoPauseFrom: number;
}

export const AURORA_POSTGRES_VERSIONS: Readonly<Record<number, AuroraMajorVersion>> = {
  13: { dataApiFrom: 11, autoPauseFrom: 15 },
  14: { dataApiFrom: 8, autoPauseFrom: 12 },
  15: { dataApiFrom: 3, autoPauseFrom: 7 },
  16: { dataApiFrom: 1, autoPauseFrom: 3 },
  17: { dataApiFrom: 4, autoPauseFrom: 4 },
};

/** Serverless v2 capacity limits, in ACUs (RDS API ServerlessV2ScalingConfiguration). */
export const SERVERLESS_V2_CAPACITY = {
  /** 0 only on versions with auto-pause; otherwise 0.5. */
  min: 0,
  /** 256 on recent versions, 128 on older ones; AWS rejects the excess at apply. */
  max: 256,
  /** The maximum must be at least 1 ACU. */
  lowestMax: 1,
  step: 0.5,
} as const;

/** Automated backup retention RDS accepts, in days. */
export const BACKUP_RETENTION_DAYS = { min: 1, max: 35 } as const;

/** `16.6` → `[16, 6]`; the schema guarantees the shape. */
export function parseVersion(version: string): [number, number] {
  const [major, minor] = version.split(".").map(Number);
  return [major, minor];
}
