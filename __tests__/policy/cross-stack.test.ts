import { parseConfig } from "../../src/config";
import { agentcoreSupportedZones } from "../../src/policy/rules/agentcore-supported-zones";
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

  it("let ACR-007 follow runtime subnets to the network stack, catching a name or a wrong zone", () => {
    expect(agentcoreSupportedZones.check(stacks, { config })).toEqual([]);
    const moved = structuredClone(stacks);
    const subnets = moved["network-default"].resource!.aws_subnet;
    subnets.network_subnet_agent_runtime.availability_zone_id = "usw2-az4";
    delete subnets.network_subnet_mcp_runtime.availability_zone_id;
    subnets.network_subnet_mcp_runtime.availability_zone = "us-west-2c";
    expect(agentcoreSupportedZones.check(moved, { config }).map((f) => f.message)).toEqual([
      "subnet network-default/aws_subnet.network_subnet_mcp_runtime is pinned by AZ name " +
        "us-west-2c, which is a different zone in each account",
      "subnet network-default/aws_subnet.network_subnet_agent_runtime is in usw2-az4; " +
        "AgentCore supports usw2-az1, usw2-az2, usw2-az3 in us-west-2",
    ]);
  });

  it("let RDS-007 see the AZs of the data tier's subnet group, and catch a single AZ", () => {
    expect(dbSubnetGroupAzs.check(stacks, { config })).toEqual([]);
    const oneAz = structuredClone(stacks);
    for (const subnet of Object.values(oneAz["network-default"].resource!.aws_subnet)) {
      subnet.availability_zone_id = "usw2-az1";
    }
    expect(dbSubnetGroupAzs.check(oneAz, { config })).toEqual([
      {
        address: "data-default/aws_db_subnet_group.aurora_subnet_group",
        message: "subnets cover 1 AZ(s)",
      },
    ]);
  });
});
