import type { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { AssetType, TerraformAsset } from "cdktf";
import { Construct } from "constructs";
import type { Config } from "../config";
import type { ToolFunctionName } from "../config/schema/app";
import type { AccountContext } from "../shared/account";
import { encryptedLogGroup, logStreamsOf } from "../shared/log-group";
import { resourceName } from "../shared/naming";
import type { PolicyStatement } from "../shared/policy-document";
import { ServiceRole } from "../shared/service-role";
import { bundleFunctionToFile, HANDLER } from "./bundle";

export interface ToolFunctionProps {
  readonly config: Config;
  readonly account: AccountContext;
  /** Which tool: selects the handler source and the sizing from config. */
  readonly name: ToolFunctionName;
  readonly description: string;
  /** The data subnet: the function's ENIs go there and nowhere else. */
  readonly subnetId: string;
  /** The gateway-lambda security group. */
  readonly securityGroupId: string;
  /** Environment variables (table names); never secrets. */
  readonly environment: Readonly<Record<string, string>>;
  /** What the function may do besides logging, tracing and its ENIs (its table access). */
  readonly statements: readonly PolicyStatement[];
  /** The app key: encrypts the log group and the environment variables. */
  readonly kmsKeyArn: string;
  /** Refuse `terraform destroy` of the log group. */
  readonly preventDestroy: boolean;
}

/**
 * A gateway tool as a Lambda function: code bundled deterministically at synth time and shipped
 * as a cdktf asset (`assets/<id>/<hash>/<name>.zip` beside the stack's JSON), in the data subnet
 * with the gateway-lambda group, X-Ray active, and its own encrypted log group created first.
 */
export class ToolFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: ServiceRole;
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: ToolFunctionProps) {
    super(scope, id);
    const { config, account } = props;
    const functionName = resourceName(config, props.name);
    const settings = config.app.tools.functions[props.name];

    this.logGroup = encryptedLogGroup(this, "log-group", {
      name: `/aws/lambda/${functionName}`,
      retentionDays: config.app.logRetentionDays,
      kmsKeyArn: props.kmsKeyArn,
      preventDestroy: props.preventDestroy,
    });

    const ec2 = (resource: string) => account.arn("ec2", resource);
    this.role = new ServiceRole(this, "role", {
      name: functionName,
      description: `Execution role of the ${props.name} gateway tool`,
      service: "lambda.amazonaws.com",
      statements: [
        ...props.statements,
        {
          sid: "WriteOwnLogGroup",
          actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
          resources: [this.logGroup.arn, logStreamsOf(this.logGroup.arn)],
        },
        {
          sid: "DecryptEnvironment",
          actions: ["kms:Decrypt"],
          resources: [props.kmsKeyArn],
        },
        {
          // Lambda creates the function's ENIs with this role; only in its subnet and group.
          sid: "EnisInOwnSubnetAndGroup",
          actions: ["ec2:CreateNetworkInterface"],
          resources: [
            ec2("network-interface/*"),
            ec2(`subnet/${props.subnetId}`),
            ec2(`security-group/${props.securityGroupId}`),
          ],
        },
        {
          sid: "ManageOwnEnis",
          actions: [
            "ec2:AssignPrivateIpAddresses",
            "ec2:DeleteNetworkInterface",
            "ec2:UnassignPrivateIpAddresses",
          ],
          resources: [ec2("network-interface/*")],
        },
        {
          // Describe calls and X-Ray writes have no resource type: `*` is the only valid value.
          sid: "ActionsWithoutResourceType",
          actions: [
            "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeSubnets",
            "xray:PutTelemetryRecords",
            "xray:PutTraceSegments",
          ],
          resources: ["*"],
        },
      ],
    });

    const bundle = bundleFunctionToFile(props.name);
    const code = new TerraformAsset(this, "code", { path: bundle.path, type: AssetType.FILE });

    this.function = new LambdaFunction(this, "function", {
      functionName,
      description: props.description,
      role: this.role.arn,
      runtime: config.app.tools.runtime,
      architectures: ["arm64"],
      handler: HANDLER,
      filename: code.path,
      sourceCodeHash: bundle.sha256,
      memorySize: settings.memoryMb,
      timeout: settings.timeoutSeconds,
      reservedConcurrentExecutions: settings.reservedConcurrency,
      environment: { variables: { ...props.environment } },
      kmsKeyArn: props.kmsKeyArn,
      tracingConfig: { mode: "Active" },
      loggingConfig: { logFormat: "JSON", logGroup: this.logGroup.name },
      vpcConfig: { subnetIds: [props.subnetId], securityGroupIds: [props.securityGroupId] },
      // The group must exist before the first invocation, and the ENI permissions before create.
      dependsOn: [this.logGroup, this.role.policy],
    });
  }
}
