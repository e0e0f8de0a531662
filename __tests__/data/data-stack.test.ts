import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { parseConfig, type ConfigInput } from "../../src/config";
import { AURORA_POSTGRES_VERSIONS, parseVersion } from "../../src/data/aurora-versions";
import { TABLE_CATALOGUE } from "../../src/data/table-catalogue";
import { TABLE_NAMES } from "../../src/stacks/contracts";
import { buildApp } from "../../src/stacks/build-app";
import { TierStack } from "../../src/stacks/tier-stack";
import { render, type TerraformJson } from "../../src/synth/pipeline";
import {
  allResources,
  follow,
  followAcross,
  ref,
  resourcesOf,
  synthStacks,
} from "../support/synth";
import { resolveReference } from "../support/cross-stack";

function stacksOf(input: ConfigInput = {}) {
  const stacks = synthStacks(input);
  const find = (tier: string) => {
    const name = Object.keys(stacks).find((stack) => stack.startsWith(`${tier}-`));
    if (!name) throw new Error(`no ${tier} stack synthesized`);
    return stacks[name];
  };
  return { stacks, network: find("network"), data: find("data") };
}

const DATA_KEY = ref("aws_kms_key", "data_key_key", "arn");

/** The key a `kms_key_id`-style reference points at, checked to be a rotating CMK. */
function expectRotatingCmk(stack: TerraformJson, reference: unknown) {
  const key = follow(stack, reference);
  expect(key).toMatchObject({
    enable_key_rotation: true,
    deletion_window_in_days: 30,
    key_usage: "ENCRYPT_DECRYPT",
  });
  return key;
}

describe("the Aurora cluster", () => {
  const { stacks, network, data } = stacksOf();
  const cluster = resourcesOf(data, "aws_rds_cluster").aurora_cluster;
  const instances = Object.values(resourcesOf(data, "aws_rds_cluster_instance"));

  it("is Serverless v2: provisioned mode, a v2 scaling block and no v1 block (P6)", () => {
    expect(cluster).toMatchObject({
      engine: "aurora-postgresql",
      engine_mode: "provisioned",
      serverlessv2_scaling_configuration: { min_capacity: 0.5, max_capacity: 4 },
    });
    expect(cluster).not.toHaveProperty("scaling_configuration");
  });

  it("runs an engine version that has the Data API for Serverless v2, with the Data API on", () => {
    const [major, minor] = parseVersion(String(cluster.engine_version));
    expect(minor).toBeGreaterThanOrEqual(AURORA_POSTGRES_VERSIONS[major].dataApiFrom);
    expect(cluster.enable_http_endpoint).toBe(true);
    expect(cluster.database_name).toBe("sampledb");
  });

  it("has one writer of class db.serverless with the cluster's own engine and version", () => {
    expect(instances).toHaveLength(1);
    expect(instances[0]).toMatchObject({
      cluster_identifier: ref("aws_rds_cluster", "aurora_cluster"),
      instance_class: "db.serverless",
      engine: ref("aws_rds_cluster", "aurora_cluster", "engine"),
      engine_version: ref("aws_rds_cluster", "aurora_cluster", "engine_version"),
      publicly_accessible: false,
    });
  });

  it("lets RDS manage the master password in a secret under the data key, never a literal (P7)", () => {
    expect(cluster.manage_master_user_password).toBe(true);
    expect(cluster).not.toHaveProperty("master_password");
    expect(cluster).not.toHaveProperty("master_password_wo");
    expect(cluster.master_user_secret_kms_key_id).toBe(DATA_KEY);
    expectRotatingCmk(data, cluster.master_user_secret_kms_key_id);
  });

  it("publishes the secret ARN as the first element of master_user_secret, not a string-embedded token", () => {
    const secretRef = "${aws_rds_cluster.aurora_cluster.master_user_secret[0].secret_arn}";
    expect(data.output?.aurora_secret_arn.value).toBe(secretRef);
    expect(resourcesOf(data, "aws_ssm_parameter").parameters_aurora_secret_arn.value).toBe(
      secretRef,
    );
  });

  it("encrypts storage with the data CMK", () => {
    expect(cluster.storage_encrypted).toBe(true);
    expect(cluster.kms_key_id).toBe(DATA_KEY);
    expectRotatingCmk(data, cluster.kms_key_id);
  });

  it("is built never to lose data: deletion protection, backups, final snapshot, prevent_destroy", () => {
    expect(cluster).toMatchObject({
      deletion_protection: true,
      backup_retention_period: 14,
      skip_final_snapshot: false,
      final_snapshot_identifier: "cs-agent-default-aurora-final",
      copy_tags_to_snapshot: true,
      lifecycle: { prevent_destroy: true },
    });
  });

  it("uses IAM database authentication and allows no major-version jump", () => {
    expect(cluster.iam_database_authentication_enabled).toBe(true);
    expect(cluster.allow_major_version_upgrade).toBe(false);
    expect(instances[0].auto_minor_version_upgrade).toBe(false);
  });

  it("exports the PostgreSQL log into a group we create first, with retention and its own CMK", () => {
    expect(cluster.enabled_cloudwatch_logs_exports).toEqual(["postgresql"]);
    const groups = resourcesOf(data, "aws_cloudwatch_log_group");
    const group = groups.aurora_log_group;
    expect(group.name).toBe(`/aws/rds/cluster/${String(cluster.cluster_identifier)}/postgresql`);
    expect(group.retention_in_days).toBe(90);
    expect(group.lifecycle).toEqual({ prevent_destroy: true });
    expect(cluster.depends_on).toEqual(["aws_cloudwatch_log_group.aurora_log_group"]);

    const key = expectRotatingCmk(data, group.kms_key_id);
    const statements = follow(data, key.policy).statement as Record<string, unknown>[];
    const logs = statements.find((s) => s.sid === "CloudWatchLogsForTheAuroraLogGroup");
    expect(logs?.principals).toEqual([
      { type: "Service", identifiers: ["logs.us-west-2.amazonaws.com"] },
    ]);
    expect((logs?.condition as { values: string[] }[])[0].values[0]).toMatch(
      new RegExp(`:log-group:${String(group.name)}$`),
    );
  });

  it("places the subnet group over the data subnet and one more, in two distinct AZs (P8)", () => {
    const group = follow(data, `\${aws_db_subnet_group.aurora_subnet_group.id}`);
    const subnets = (group.subnet_ids as string[]).map(
      (id) => followAcross(stacks, data, id).block,
    );
    const zones = subnets.map((subnet) => subnet.availability_zone_id);
    expect(zones).toEqual(["usw2-az2", "usw2-az1"]);
    expect(new Set(zones).size).toBe(zones.length);
    expect((subnets[0].tags as Record<string, string>).Role).toBe("data");
    expect(cluster.db_subnet_group_name).toBe(
      ref("aws_db_subnet_group", "aurora_subnet_group", "name"),
    );
  });

  it("pins the writer to the data subnet's AZ, as the seed draws it", () => {
    const group = follow(data, cluster.db_subnet_group_name);
    const dataSubnet = followAcross(stacks, data, (group.subnet_ids as string[])[0]).block;
    const zone = resolveReference(stacks, "data-default", instances[0].availability_zone);
    expect([zone.type, zone.attribute]).toEqual(["aws_subnet", "availability_zone"]);
    expect(zone.block).toBe(dataSubnet);
  });

  it("takes the writer's AZ name from the subnet, never from config: names differ per account", () => {
    expect(instances[0].availability_zone).toMatch(/^\$\{data\.terraform_remote_state\./);
    expect(JSON.stringify(data)).not.toMatch(/us-west-2[a-d]/);
  });

  it("describes the subnet group by the AZ IDs it spans", () => {
    const group = resourcesOf(data, "aws_db_subnet_group").aurora_subnet_group;
    expect(group.description).toBe(
      "Aurora: data subnet (usw2-az2, writer) plus usw2-az1, as RDS requires two AZs",
    );
  });

  it("takes its second AZ from data.aurora.secondSubnetRole", () => {
    const other = stacksOf({ data: { aurora: { secondSubnetRole: "mcp-runtime" } } });
    const group = resourcesOf(other.data, "aws_db_subnet_group").aurora_subnet_group;
    const zones = (group.subnet_ids as string[]).map(
      (id) => followAcross(other.stacks, other.data, id).block.availability_zone_id,
    );
    expect(zones).toEqual(["usw2-az2", "usw2-az3"]);
  });

  it("sits in the matrix's aurora group, which has no rule at all: the Data API needs no network path", () => {
    const groups = cluster.vpc_security_group_ids as string[];
    expect(groups).toHaveLength(1);
    const { block, stack } = followAcross(stacks, data, groups[0]);
    expect(stack).toBe(network);
    expect(block).toBe(resourcesOf(network, "aws_security_group").security_groups_aurora);
    expect(block).not.toHaveProperty("ingress");
    expect(block).not.toHaveProperty("egress");
    const auroraGroup = ref("aws_security_group", "security_groups_aurora");
    const touching = allResources(network).filter(
      ([type, , rule]) =>
        type.startsWith("aws_vpc_security_group_") &&
        (rule.security_group_id === auroraGroup ||
          rule.referenced_security_group_id === auroraGroup),
    );
    expect(touching).toEqual([]);
  });
});

describe("the DynamoDB tables", () => {
  const { data } = stacksOf();
  const tables = resourcesOf(data, "aws_dynamodb_table");
  const byLogicalName = (name: string) => tables[`tables_${name.replace(/-/g, "_")}`];

  it("are the four of the catalogue, at addresses derived from their logical names", () => {
    expect(Object.keys(tables).sort()).toEqual([
      "tables_customer_profile",
      "tables_products",
      "tables_reviews",
      "tables_warranty",
    ]);
    for (const name of TABLE_NAMES) {
      expect(byLogicalName(name).name).toBe(`cs-agent-default-${name}`);
    }
  });

  it("have the catalogue's keys and GSIs, declaring exactly the attributes keys use", () => {
    for (const name of TABLE_NAMES) {
      const table = byLogicalName(name);
      const definition = TABLE_CATALOGUE[name];
      expect(table.hash_key).toBe(definition.partitionKey);
      expect(table.range_key).toBe(definition.sortKey);
      expect(table.global_secondary_index).toEqual(
        definition.indexes.map((index) => ({
          name: index.name,
          hash_key: index.partitionKey,
          range_key: index.sortKey,
          projection_type: "ALL",
        })),
      );
      const declared = Object.entries(definition.attributes)
        .map(([attribute, type]) => ({ name: attribute, type }))
        .sort((a, b) => a.name.localeCompare(b.name));
      expect(table.attribute).toEqual(declared);
    }
  });

  it("serve the seed's access patterns: products by category, reviews by product and customer, warranty by serial and customer, profiles by e-mail", () => {
    const patterns = TABLE_NAMES.map((name) => {
      const table = byLogicalName(name);
      const indexes = (table.global_secondary_index as { hash_key: string }[]).map(
        (index) => index.hash_key,
      );
      return [name, table.hash_key, ...indexes];
    });
    expect(patterns).toEqual([
      ["products", "product_id", "category"],
      ["reviews", "product_id", "customer_id"],
      ["warranty", "serial_number", "customer_id"],
      ["customer-profile", "customer_id", "email"],
    ]);
  });

  it("bill on demand, keep 35 days of point-in-time recovery and refuse deletion", () => {
    for (const table of Object.values(tables)) {
      expect(table).toMatchObject({
        billing_mode: "PAY_PER_REQUEST",
        point_in_time_recovery: { enabled: true, recovery_period_in_days: 35 },
        deletion_protection_enabled: true,
        lifecycle: { prevent_destroy: true },
      });
      expect(table).not.toHaveProperty("read_capacity");
    }
  });

  it("encrypt with the data CMK", () => {
    for (const table of Object.values(tables)) {
      const sse = table.server_side_encryption as Record<string, unknown>;
      expect(sse.enabled).toBe(true);
      expect(sse.kms_key_arn).toBe(DATA_KEY);
      expectRotatingCmk(data, sse.kms_key_arn);
    }
  });

  it("expire only customer profiles marked for erasure (TTL on purge_after, nowhere else)", () => {
    const withTtl = Object.entries(tables)
      .filter(([, table]) => table.ttl !== undefined)
      .map(([name, table]) => [name, table.ttl]);
    expect(withTtl).toEqual([
      ["tables_customer_profile", { attribute_name: "purge_after", enabled: true }],
    ]);
  });

  it("take config overrides: an extra GSI with its attribute, TTL switched off", () => {
    const { data: overridden } = stacksOf({
      data: {
        tables: {
          products: {
            attributes: { brand: "S", price_cents: "N" },
            indexes: [
              { name: "by-category", partitionKey: "category", sortKey: "name" },
              {
                name: "by-brand",
                partitionKey: "brand",
                sortKey: "price_cents",
                projection: "KEYS_ONLY",
              },
            ],
          },
          "customer-profile": { ttlAttribute: null },
        },
      },
    });
    const products = resourcesOf(overridden, "aws_dynamodb_table").tables_products;
    expect((products.attribute as { name: string }[]).map((a) => a.name)).toEqual([
      "brand",
      "category",
      "name",
      "price_cents",
      "product_id",
    ]);
    expect((products.global_secondary_index as { name: string }[])[1]).toEqual({
      name: "by-brand",
      hash_key: "brand",
      range_key: "price_cents",
      projection_type: "KEYS_ONLY",
    });
    expect(
      resourcesOf(overridden, "aws_dynamodb_table").tables_customer_profile.ttl,
    ).toBeUndefined();
  });
});

describe("the data tier's published values", () => {
  const { data } = stacksOf();
  const parameters = Object.values(resourcesOf(data, "aws_ssm_parameter"));

  it("are Terraform outputs and String SSM parameters under /<prefix>/<env>/data, one for one", () => {
    expect(parameters).toHaveLength(4 + 2 * TABLE_NAMES.length);
    for (const parameter of parameters) {
      expect(parameter.type).toBe("String");
      expect(String(parameter.name)).toMatch(/^\/cs-agent\/default\/data\/[a-z0-9/-]+$/);
      const outputName = String(parameter.name)
        .replace("/cs-agent/default/data/", "")
        .replace(/[/-]/g, "_");
      expect(data.output?.[outputName].value).toBe(parameter.value);
    }
  });

  it("point at the cluster, the database, the key and every table", () => {
    const valueOf = (path: string) =>
      parameters.find((p) => p.name === `/cs-agent/default/data/${path}`)?.value;
    expect(valueOf("aurora/cluster-arn")).toBe(ref("aws_rds_cluster", "aurora_cluster", "arn"));
    expect(valueOf("aurora/database-name")).toBe("sampledb");
    expect(valueOf("kms/data-key-arn")).toBe(DATA_KEY);
    for (const name of TABLE_NAMES) {
      const address = `tables_${name.replace(/-/g, "_")}`;
      expect(valueOf(`tables/${name}/arn`)).toBe(ref("aws_dynamodb_table", address, "arn"));
      expect(valueOf(`tables/${name}/name`)).toBe(ref("aws_dynamodb_table", address, "name"));
    }
  });

  it("match the contract the app tier reads: refs for every table, the cluster and the path", () => {
    const { built } = render(parseConfig({}));
    expect(Object.keys(built.data.refs.tables)).toEqual([...TABLE_NAMES]);
    expect(built.data.refs.aurora.databaseName).toBe("sampledb");
    expect(built.data.refs.parameterPath).toBe("/cs-agent/default/data");
  });

  it("reach another stack through remote state, under readable output names", () => {
    const config = parseConfig({});
    const built = buildApp(config, "cdktf.out");
    // A throw-away consumer; `state` is the one tier name the app does not already use here.
    const consumer = new TierStack(built.app, "state", { ...config, environment: "probe" });
    new SsmParameter(consumer, "probe", {
      name: "/probe",
      type: "String",
      value: built.data.refs.aurora.secretArn,
    });
    for (const stack of [...built.stacks, consumer]) stack.prepareStack();
    const probe = resourcesOf(consumer.toTerraform() as TerraformJson, "aws_ssm_parameter").probe;
    const output =
      "cross_stack_output_aws_rds_cluster_aurora_cluster_master_user_secret_0_secret_arn";
    expect(probe.value).toBe(
      `\${data.terraform_remote_state.cross_stack_reference_input_data_default.outputs.${output}}`,
    );
    const data = built.data.toTerraform() as TerraformJson;
    expect(data.output?.[output].value).toBe(
      "${aws_rds_cluster.aurora_cluster.master_user_secret[0].secret_arn}",
    );
  });
});

describe("the data stack", () => {
  it("drops prevent_destroy and AWS deletion protection only when config says so", () => {
    const { data } = stacksOf({
      protectStatefulResources: false,
      data: { deletionProtection: false },
    });
    for (const [, , block] of allResources(data)) {
      expect(
        (block.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy,
      ).not.toBe(true);
    }
    expect(resourcesOf(data, "aws_rds_cluster").aurora_cluster.deletion_protection).toBe(false);
    for (const table of Object.values(resourcesOf(data, "aws_dynamodb_table"))) {
      expect(table.deletion_protection_enabled).toBe(false);
    }
  });

  it("keeps its state under its own key and reads the network's through remote state", () => {
    const { data } = stacksOf();
    const backend = (data.terraform as { backend: { s3: Record<string, unknown> } }).backend.s3;
    expect(backend.key).toBe("agentcore/default/data.tfstate");
    const remote = (data.data?.terraform_remote_state ?? {}) as Record<string, { config: unknown }>;
    expect(Object.values(remote).map((state) => state.config)).toEqual([
      expect.objectContaining({ key: "agentcore/default/network.tfstate" }),
    ]);
  });

  it("is byte-identical when synthesized twice", () => {
    expect(JSON.stringify(stacksOf().data)).toBe(JSON.stringify(stacksOf().data));
  });
});
