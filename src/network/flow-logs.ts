import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import type { Config } from "../config";
import type { AccountContext } from "../shared/account";
import { CustomerManagedKey, logsServiceStatement } from "../shared/kms-key";
import { resourceName, resourcePath } from "../shared/naming";
import { policyDocument } from "../shared/policy-document";

export interface FlowLogsProps {
  readonly config: Config;
  readonly vpcId: string;
  readonly account: AccountContext;
  /** Refuse `terraform destroy` of the key and log group. */
  readonly preventDestroy: boolean;
}

/**
 * VPC flow logs for ALL traffic into a CloudWatch log group encrypted with its own
 * customer-managed key, kept for `network.flowLogs.retentionDays`.
 *
 * The delivery role trusts only `vpc-flow-logs.amazonaws.com` acting for this account's flow
 * logs (confused-deputy conditions), and may write only to this one log group. A role that
 * trusts the wrong principal leaves the flow log silently in an access error (PITFALLS P9).
 */
export class FlowLogs extends Construct {
  readonly logGroup: CloudwatchLogGroup;
  readonly key: CustomerManagedKey;
  readonly flowLog: FlowLog;

  constructor(scope: Construct, id: string, props: FlowLogsProps) {
    super(scope, id);
    const { config, account } = props;
    const logGroupName = resourcePath(config, "vpc-flow-logs");
    // Built from the name, not the resource (see logsServiceStatement).
    const logGroupArn = account.arn("logs", `log-group:${logGroupName}`);

    this.key = new CustomerManagedKey(this, "key", {
      description: `Encrypts VPC flow logs of ${resourceName(config, "vpc")}`,
      alias: resourceName(config, "flow-logs"),
      account,
      preventDestroy: props.preventDestroy,
      serviceStatements: [
        logsServiceStatement("CloudWatchLogsForTheFlowLogGroup", config.region, logGroupArn),
      ],
    });

    this.logGroup = new CloudwatchLogGroup(this, "log-group", {
      name: logGroupName,
      retentionInDays: config.network.flowLogs.retentionDays,
      kmsKeyId: this.key.arn,
      lifecycle: { preventDestroy: props.preventDestroy },
    });

    const role = new IamRole(this, "delivery-role", {
      name: resourceName(config, "flow-logs-delivery"),
      description: "Lets the VPC Flow Logs service write this VPC's flow logs, and nothing else",
      assumeRolePolicy: policyDocument(this, "trust", [
        {
          sid: "VpcFlowLogsOfThisAccount",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["vpc-flow-logs.amazonaws.com"] }],
          conditions: [
            { test: "StringEquals", variable: "aws:SourceAccount", values: [account.accountId] },
            {
              test: "ArnLike",
              variable: "aws:SourceArn",
              values: [account.arn("ec2", "vpc-flow-log/*")],
            },
          ],
        },
      ]),
    });

    new IamRolePolicy(this, "delivery-permissions", {
      name: "write-flow-log-group",
      role: role.id,
      policy: policyDocument(this, "permissions", [
        {
          sid: "WriteThisLogGroupOnly",
          actions: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
          resources: [this.logGroup.arn, `${this.logGroup.arn}:log-stream:*`],
        },
      ]),
    });

    this.flowLog = new FlowLog(this, "flow-log", {
      vpcId: props.vpcId,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: this.logGroup.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: config.network.flowLogs.maxAggregationInterval,
      tags: { Name: resourceName(config, "vpc-flow-log") },
    });
  }
}
