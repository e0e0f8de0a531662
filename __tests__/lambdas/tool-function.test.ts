import { bundleFunction } from "../../src/lambdas/bundle";
import { synthApp, statementsOf } from "../support/app";
import { resolvedAddress, resolveReference } from "../support/cross-stack";
import { ref, resourcesOf } from "../support/synth";

describe("the gateway's Lambda tools", () => {
  const { stacks, app, appName } = synthApp({
    app: { tools: { functions: { "customer-profile": { reservedConcurrency: 7 } } } },
  });
  const functions = resourcesOf(app, "aws_lambda_function");

  it.each(["warranty_lookup", "customer_profile"])(
    "%s runs only in the data subnet with the gateway-lambda group",
    (name) => {
      const vpc = functions[`${name}_function`].vpc_config as {
        subnet_ids: string[];
        security_group_ids: string[];
      };
      expect(vpc.subnet_ids).toHaveLength(1);
      expect(vpc.security_group_ids).toHaveLength(1);
      const subnet = resolveReference(stacks, appName, vpc.subnet_ids[0]);
      expect([subnet.stack, subnet.type, subnet.block.cidr_block]).toEqual([
        "network-default",
        "aws_subnet",
        "10.0.4.0/24",
      ]);
      const group = resolveReference(stacks, appName, vpc.security_group_ids[0]);
      expect([group.type, group.name]).toEqual([
        "aws_security_group",
        "security_groups_gateway_lambda",
      ]);
    },
  );

  it("ships the deterministic bundle: the asset zip and its SHA-256 as source_code_hash", () => {
    const fn = functions.warranty_lookup_function;
    expect(fn.filename).toMatch(/^assets\/warranty_lookup_code\/[0-9A-F]+\/warranty-lookup\.zip$/);
    expect(fn.source_code_hash).toBe(bundleFunction("warranty-lookup").sha256);
    expect(fn).toMatchObject({ handler: "index.handler", runtime: "nodejs22.x" });
  });

  it("traces with X-Ray, logs JSON to its own encrypted group, and takes concurrency from config", () => {
    const fn = functions.customer_profile_function;
    expect(fn).toMatchObject({
      tracing_config: { mode: "Active" },
      logging_config: {
        log_format: "JSON",
        log_group: ref("aws_cloudwatch_log_group", "customer_profile_log_group", "name"),
      },
      reserved_concurrent_executions: 7,
    });
    const table = (fn.environment as { variables: Record<string, string> }).variables
      .CUSTOMER_PROFILE_TABLE;
    expect(resolvedAddress(stacks, appName, table)).toBe(
      "data-default/aws_dynamodb_table.tables_customer_profile.name",
    );
    expect(fn.depends_on).toContain("aws_cloudwatch_log_group.customer_profile_log_group");
    expect(resourcesOf(app, "aws_cloudwatch_log_group").customer_profile_log_group).toMatchObject({
      name: "/aws/lambda/cs-agent-default-customer-profile",
      retention_in_days: 90,
      kms_key_id: ref("aws_kms_key", "app_key_key", "arn"),
      lifecycle: { prevent_destroy: true },
    });
  });

  it("lets the warranty tool read only the warranty table, and write nothing", () => {
    const policy = resourcesOf(app, "aws_iam_role_policy").warranty_lookup_role_permissions;
    const dynamo = statementsOf(app, policy.policy).filter((s) =>
      s.actions.some((a) => a.startsWith("dynamodb:")),
    );
    expect(dynamo).toHaveLength(1);
    expect(dynamo[0].actions).toEqual(["dynamodb:GetItem"]);
    const [table, indexes] = dynamo[0].resources ?? [];
    const resolved = resolveReference(stacks, appName, table);
    expect([resolved.stack, resolved.name, resolved.attribute]).toEqual([
      "data-default",
      "tables_warranty",
      "arn",
    ]);
    expect(indexes).toBe(`${table}/index/*`);
    expect(dynamo[0].resources).toHaveLength(2);
  });
});
