import { HIPAA, PCI } from "../controls";
import { first, flagResources } from "../terraform";
import type { Rule } from "../types";

export const dynamodbCmk: Rule = {
  id: "ENC-002",
  severity: "error",
  title: "DynamoDB tables are encrypted with a customer-managed KMS key",
  rationale:
    "Customer profiles and warranties are regulated data; with a customer-managed key every " +
    "decrypt is logged in CloudTrail and access can be cut by disabling the key.",
  fix: "Add server_side_encryption { enabled = true, kms_key_arn = <data key> }.",
  controls: [HIPAA.encryption, PCI.storedData, PCI.keyManagement],
  check: (stacks) =>
    flagResources(
      stacks,
      "aws_dynamodb_table",
      (table) => {
        const sse = first(table.block, "server_side_encryption");
        return sse.enabled !== true || !sse.kms_key_arn;
      },
      "server_side_encryption is not enabled with a kms_key_arn",
    ),
};
