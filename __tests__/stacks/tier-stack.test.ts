import { TerraformOutput } from "cdktf";
import { parseConfig } from "../../src/config";
import { buildApp } from "../../src/stacks/build-app";
import { TierStack } from "../../src/stacks/tier-stack";

describe("a cross-stack reference between tiers", () => {
  const config = parseConfig({ environment: "dev" });
  const built = buildApp(config, "cdktf.out");
  const app = new TierStack(built.app, "app", config);
  new TerraformOutput(app, "vpc", { value: built.network.network.vpc.id });
  for (const stack of [...built.stacks, app]) stack.prepareStack();
  const network = built.network.toTerraform() as { output: Record<string, unknown> };
  const consumer = app.toTerraform() as { data: Record<string, Record<string, unknown>> };

  it("gets Terraform-valid addresses for the output and lookup cdktf adds", () => {
    expect(Object.keys(network.output)).toContain("cross_stack_output_aws_vpc_network_vpc_id");
    expect(Object.keys(consumer.data.terraform_remote_state)).toEqual([
      "cross_stack_reference_input_network_dev",
    ]);
  });

  it("is recorded as a dependency of the consuming stack", () => {
    expect(app.dependencies.map((stack) => stack.node.id)).toEqual(["network-dev"]);
  });
});
