import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { Construct } from "constructs";
import { TABLE_NAMES, type DataTierRefs } from "../stacks/contracts";

/** One published value: where it goes under the path, and what it means. */
export interface PublishedValue {
  /** Path below the parameter prefix, e.g. `aurora/cluster-arn`; also the output's name. */
  readonly key: string;
  readonly value: string;
  readonly description: string;
}

/** The values the data tier publishes, as data: the outputs and parameters are built from it. */
export function publishedValues(refs: DataTierRefs): PublishedValue[] {
  return [
    {
      key: "aurora/cluster-arn",
      value: refs.aurora.clusterArn,
      description: "Aurora cluster ARN: the Data API's resourceArn",
    },
    {
      key: "aurora/secret-arn",
      value: refs.aurora.secretArn,
      description: "RDS-managed master-user secret: the Data API's secretArn",
    },
    {
      key: "aurora/database-name",
      value: refs.aurora.databaseName,
      description: "Database named in every Data API call",
    },
    {
      key: "kms/data-key-arn",
      value: refs.dataKeyArn,
      description: "Key encrypting tables and the Aurora secret; readers need kms:Decrypt",
    },
    ...TABLE_NAMES.flatMap((name) => [
      {
        key: `tables/${name}/name`,
        value: refs.tables[name].name,
        description: `Physical name of the ${name} table`,
      },
      {
        key: `tables/${name}/arn`,
        value: refs.tables[name].arn,
        description: `ARN of the ${name} table (add /index/* for its GSIs)`,
      },
    ]),
  ];
}

export interface DataParametersProps {
  readonly refs: DataTierRefs;
}

/** `tables/products/arn` → `tables-products-arn`: a construct id, output and address name. */
export function slugOf(published: PublishedValue): string {
  return published.key.replace(/\//g, "-");
}

/**
 * Publishes the data tier's identifiers as SSM parameters under `refs.parameterPath`, which the
 * runtimes read through the ssm endpoint at start-up. (The stack publishes the same list as
 * Terraform outputs for ops.)
 *
 * Type `String`, not `SecureString`: these are names and ARNs, which are not secret (they
 * appear in every IAM policy that grants access), and SecureString would make every reader
 * also need kms:Decrypt on the SSM key for no gain in confidentiality.
 */
export class DataParameters extends Construct {
  readonly parameters: readonly SsmParameter[];

  constructor(scope: Construct, id: string, props: DataParametersProps) {
    super(scope, id);
    const values = publishedValues(props.refs);
    this.parameters = values.map((published) => {
      return new SsmParameter(this, slugOf(published), {
        name: `${props.refs.parameterPath}/${published.key}`,
        type: "String",
        value: published.value,
        description: published.description,
      });
    });
  }
}
