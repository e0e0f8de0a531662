import { parseConfig } from "../../src/config";
import { dbSubnetGroupAzs } from "../../src/policy/rules/db-subnet-group-azs";
import { resolve } from "../../src/policy/terraform";
import { synthStacks } from "../support/synth";

const config = parseConfig({});

describe("rules reading across stacks", () => {
  const stacks = synthStacks();
  const group = stacks["data-default"].resource!.aws_db_subnet_group.aurora_subnet_group;

  it("follow a remote-state output back to the network stack's subnet", () => {
    const targets = (group.subnet_ids as string[]).map(
      (id) => resolve(stacks, "data-default", id)?.address,
    );
    expect(targets).toEqual([
      "network-default/aws_subnet.network_subnet_data",
      "network-default/aws_subnet.network_subnet_agent_runtime",
    ]);
  });

  it("let RDS-007 see the AZs of the data tier's subnet group, and catch a single AZ", () => {
    expect(dbSubnetGroupAzs.check(stacks, { config })).toEqual([]);
    const oneAz = structuredClone(stacks);
    for (const subnet of Object.values(oneAz["network-default"].resource!.aws_subnet)) {
      subnet.availability_zone = "us-west-2a";
    }
    expect(dbSubnetGroupAzs.check(oneAz, { config })).toEqual([
      {
        address: "data-default/aws_db_subnet_group.aurora_subnet_group",
        message: "subnets cover 1 AZ(s)",
      },
    ]);
  });
});
