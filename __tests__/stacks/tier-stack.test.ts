import { parseConfig } from "../../src/config";
import { buildApp } from "../../src/stacks/build-app";

describe("a cross-stack reference between tiers", () => {
  const config = parseConfig({ environment: "dev" });
  const built = buildApp(config, "cdktf.out");
  for (const stack of built.stacks) stack.prepareStack();
  const network = built.network.toTerraform() as { output: Record<string, unknown> };
  const consumer = built.appTier.toTerraform() as { data: Record<string, Record<string, unknown>> };

  it("gets Terraform-valid addresses for the output and lookup cdktf adds", () => {
    expect(Object.keys(network.output)).toContain(
      "cross_stack_output_aws_subnet_network_subnet_agent_runtime_id",
    );
    expect(Object.keys(consumer.data.terraform_remote_state).sort()).toEqual([
      "cross_stack_reference_input_data_dev",
      "cross_stack_reference_input_network_dev",
      "cross_stack_reference_input_registry_dev",
    ]);
  });

  it("is recorded as a dependency of the consuming stack", () => {
    expect(built.appTier.dependencies.map((stack) => stack.node.id).sort()).toEqual([
      "data-dev",
      "network-dev",
      "registry-dev",
    ]);
    expect(built.data.dependencies.map((stack) => stack.node.id)).toEqual(["network-dev"]);
    expect(built.registry.dependencies).toEqual([]);
  });
});
