import type { RuntimeName } from "../config/schema/app";

/**
 * What one tier hands to the next. The app tier depends on these interfaces, not on the data
 * tier's classes, so either side can be refactored without touching the other. Values are
 * Terraform references; cdktf turns each cross-stack use into an output plus a
 * `terraform_remote_state` lookup.
 */

/** The DynamoDB tables, by logical name. Logical names are released interface: never rename. */
export const TABLE_NAMES = ["products", "reviews", "warranty", "customer-profile"] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export interface TableRef {
  /** Physical table name. */
  readonly name: string;
  /** Table ARN; grant GSI access with `${arn}/index/*` as well. */
  readonly arn: string;
}

export interface DataTierRefs {
  readonly tables: Readonly<Record<TableName, TableRef>>;
  readonly aurora: {
    /** Cluster ARN, the Data API's `resourceArn`. */
    readonly clusterArn: string;
    /** ARN of the RDS-managed master-user secret, the Data API's `secretArn`. */
    readonly secretArn: string;
    /** Database name (`sampledb`). */
    readonly databaseName: string;
  };
  /** Customer-managed key encrypting the tables and the Aurora secret; readers need kms:Decrypt. */
  readonly dataKeyArn: string;
  /** SSM parameter path prefix under which the data tier publishes these values. */
  readonly parameterPath: string;
}

/** One runtime image's repository, as the app tier sees it. */
export interface ImageRepositoryRef {
  /** Repository name (`<namePrefix>-<env>-<runtime>`), where the runtime's image is looked up. */
  readonly name: string;
  /** Repository ARN; a runtime's role may pull from its own repository and no other. */
  readonly arn: string;
}

/**
 * What the registry tier hands to the app tier: one repository per runtime image, by runtime
 * name. No key ARN: ECR decrypts layers through the grants it took on the registry key when it
 * created the repositories, so the runtime roles never call KMS themselves (README, "Registry
 * tier").
 */
export interface RegistryRefs {
  readonly repositories: Readonly<Record<RuntimeName, ImageRepositoryRef>>;
}
