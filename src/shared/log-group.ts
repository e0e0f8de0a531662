import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import type { Construct } from "constructs";

export interface EncryptedLogGroupProps {
  /** Log-group name; for Lambda and AgentCore it must be the name the service writes to. */
  readonly name: string;
  /** Days to keep events; one of CloudWatch's periods (validated in config). */
  readonly retentionDays: number;
  /** ARN of the customer-managed key; its policy must admit CloudWatch Logs for this group. */
  readonly kmsKeyArn: string;
  /** Refuse `terraform destroy`. */
  readonly preventDestroy: boolean;
}

/**
 * A log group we create ourselves, with retention and a customer-managed key, before the service
 * that writes to it runs. Left to Lambda or AgentCore, the group would appear on first write,
 * unencrypted and kept forever; their roles get no `logs:CreateLogGroup`, so it cannot.
 */
export function encryptedLogGroup(
  scope: Construct,
  id: string,
  props: EncryptedLogGroupProps,
): CloudwatchLogGroup {
  return new CloudwatchLogGroup(scope, id, {
    name: props.name,
    retentionInDays: props.retentionDays,
    kmsKeyId: props.kmsKeyArn,
    lifecycle: { preventDestroy: props.preventDestroy },
  });
}

/** The log group's events: what writers are granted (`<arn>:log-stream:*`). */
export const logStreamsOf = (logGroupArn: string): string => `${logGroupArn}:log-stream:*`;
