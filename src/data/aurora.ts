import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { RdsClusterInstance } from "@cdktf/provider-aws/lib/rds-cluster-instance";
import { Construct } from "constructs";
import type { Config } from "../config";
import type { AccountContext } from "../shared/account";
import { cloudWatchLogsStatement, CustomerManagedKey } from "../shared/kms-key";
import { resourceName } from "../shared/naming";

/** The engine this tier builds; the Data API on Serverless v2 exists for PostgreSQL. */
export const AURORA_ENGINE = "aurora-postgresql";
/** Serverless v2 instances have this one class (PITFALLS P6). */
export const SERVERLESS_V2_CLASS = "db.serverless";
/** Log types exported to CloudWatch; PostgreSQL has only this one. */
export const AURORA_LOG_EXPORTS = ["postgresql"] as const;
/** The master user RDS creates; its password lives only in the RDS-managed secret. */
export const AURORA_MASTER_USERNAME = "sampledb_admin";

/** A subnet as the data tier sees it: references into the network stack, and its AZ ID. */
export interface PlacedSubnet {
  readonly id: string;
  /** AZ ID from config, e.g. `usw2-az2` (a plain string, known at synth time). */
  readonly azId: string;
  /**
   * The subnet's `availability_zone` attribute, a reference: the name this account gives the
   * zone is known only once the subnet exists, and never belongs in config.
   */
  readonly azName: string;
}

export interface AuroraClusterProps {
  readonly config: Config;
  readonly account: AccountContext;
  /** Encrypts storage, snapshots and the master-user secret. */
  readonly dataKeyArn: string;
  /** The data subnet: the writer is pinned to its AZ. */
  readonly writerSubnet: PlacedSubnet;
  /** The subnet that gives the DB subnet group its second AZ (`data.aurora.secondSubnetRole`). */
  readonly secondSubnet: PlacedSubnet;
  /** The matrix's `aurora` group, which has no rules: the Data API needs no network path. */
  readonly securityGroupId: string;
  /** Refuse `terraform destroy` of the cluster, its log group and log key. */
  readonly preventDestroy: boolean;
}

/**
 * Aurora PostgreSQL Serverless v2, reached only through the Data API.
 *
 * Shape (PITFALLS P6): `provisioned` engine mode with a `serverlessv2_scaling_configuration`
 * block, and one writer instance of class `db.serverless` whose engine and version are read
 * from the cluster, so the two cannot disagree. The v1 shape (`engine_mode = serverless`) fails.
 *
 * Credentials (P7): RDS generates and rotates the master password in a Secrets Manager secret
 * encrypted with the data key; no password appears in code or state. The secret's ARN is the
 * first element of the list attribute `master_user_secret`.
 *
 * Placement (P8): a DB subnet group needs two AZs while the seed draws Aurora in AZ b only. The
 * group spans the data subnet and `secondSubnet`; the writer is pinned to the data subnet's AZ,
 * by the AZ name the subnet reports (RDS has no AZ-ID argument).
 *
 * Never lose data: deletion protection, automated backups, a final snapshot on destroy, tags
 * copied to snapshots, and `prevent_destroy`. The PostgreSQL log goes to a group we create
 * first (with retention and its own key): left to RDS, it would be created unencrypted and kept
 * forever.
 */
export class AuroraCluster extends Construct {
  readonly cluster: RdsCluster;
  readonly writer: RdsClusterInstance;
  readonly subnetGroup: DbSubnetGroup;
  readonly logGroup: CloudwatchLogGroup;
  readonly logKey: CustomerManagedKey;
  /** ARN of the RDS-managed master-user secret (the Data API's `secretArn`). */
  readonly secretArn: string;

  constructor(scope: Construct, id: string, props: AuroraClusterProps) {
    super(scope, id);
    const { config, account, preventDestroy } = props;
    const aurora = config.data.aurora;
    const lifecycle = { preventDestroy };

    const clusterIdentifier = resourceName(config, "aurora");
    // RDS writes to exactly this name; creating it ourselves is the only way to set its
    // retention and key before the first log line.
    const logGroupName = `/aws/rds/cluster/${clusterIdentifier}/postgresql`;
    this.logKey = new CustomerManagedKey(this, "log-key", {
      description: `Encrypts the PostgreSQL log of ${clusterIdentifier}`,
      alias: resourceName(config, "aurora-logs"),
      account,
      preventDestroy,
      serviceStatements: [
        cloudWatchLogsStatement("CloudWatchLogsForTheAuroraLogGroup", config.region, [
          account.arn("logs", `log-group:${logGroupName}`),
        ]),
      ],
    });
    this.logGroup = new CloudwatchLogGroup(this, "log-group", {
      name: logGroupName,
      retentionInDays: aurora.logRetentionDays,
      kmsKeyId: this.logKey.arn,
      lifecycle,
    });

    this.subnetGroup = new DbSubnetGroup(this, "subnet-group", {
      name: clusterIdentifier,
      description: `Aurora: data subnet (${props.writerSubnet.azId}, writer) plus ${props.secondSubnet.azId}, as RDS requires two AZs`,
      subnetIds: [props.writerSubnet.id, props.secondSubnet.id],
    });

    this.cluster = new RdsCluster(this, "cluster", {
      clusterIdentifier,
      engine: AURORA_ENGINE,
      engineMode: "provisioned",
      engineVersion: aurora.engineVersion,
      // Version changes go through config and a reviewed plan, never by surprise.
      allowMajorVersionUpgrade: false,
      databaseName: aurora.databaseName,
      masterUsername: AURORA_MASTER_USERNAME,
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: props.dataKeyArn,
      storageEncrypted: true,
      kmsKeyId: props.dataKeyArn,
      enableHttpEndpoint: true,
      // The Data API signs in with the secret; IAM auth is for the rare direct session an
      // operator opens from inside the VPC, so no password is ever handed out.
      iamDatabaseAuthenticationEnabled: true,
      serverlessv2ScalingConfiguration: {
        minCapacity: aurora.minCapacity,
        maxCapacity: aurora.maxCapacity,
      },
      dbSubnetGroupName: this.subnetGroup.name,
      vpcSecurityGroupIds: [props.securityGroupId],
      deletionProtection: config.data.deletionProtection,
      backupRetentionPeriod: aurora.backupRetentionDays,
      skipFinalSnapshot: false,
      // Fixed, so a plan shows no drift; a second destroy would need this snapshot renamed.
      finalSnapshotIdentifier: `${clusterIdentifier}-final`,
      copyTagsToSnapshot: true,
      enabledCloudwatchLogsExports: [...AURORA_LOG_EXPORTS],
      dependsOn: [this.logGroup],
      lifecycle,
    });
    this.secretArn = this.cluster.masterUserSecret.get(0).secretArn;

    this.writer = new RdsClusterInstance(this, "writer", {
      identifier: `${clusterIdentifier}-writer`,
      clusterIdentifier: this.cluster.id,
      instanceClass: SERVERLESS_V2_CLASS,
      engine: this.cluster.engine,
      engineVersion: this.cluster.engineVersion,
      // RDS takes an AZ name only; the network stack's subnet supplies it for this account.
      availabilityZone: props.writerSubnet.azName,
      dbSubnetGroupName: this.subnetGroup.name,
      publiclyAccessible: false,
      // Minor upgrades would move the version away from config and plans would try to go back.
      autoMinorVersionUpgrade: false,
      promotionTier: 0,
      copyTagsToSnapshot: true,
    });
  }
}
