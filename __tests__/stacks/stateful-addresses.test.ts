import type { ConfigInput } from "../../src/config";
import { isStateful, STATEFUL_TYPES } from "../../src/shared/stateful";
import type { TerraformJson } from "../../src/synth/pipeline";
import { allResources, synthStacks } from "../support/synth";
import reviewed from "./stateful-addresses.json";

/**
 * The stateful-address guard. `stateful-addresses.json` is the reviewed list of every resource,
 * per tier, whose destruction loses data. A changed construct id changes a Terraform address,
 * and Terraform plans a destroy plus a create for it: for a table or a key, that is data loss.
 *
 * When this fails:
 * - an address disappeared: restore the construct id. If the move is intended, write a `moved`
 *   block and change the list in the same commit, so the reviewer sees both;
 * - an address appeared: add it to the list so the reviewer sees a new stateful resource,
 *   and make sure it carries `prevent_destroy`.
 * Never re-record the list from a synth without reading the difference.
 */
type AddressList = Record<string, string[]>;

/** Stateful addresses per tier (`<tier>-<environment>` → `<tier>`), sorted. */
function statefulAddresses(stacks: Record<string, TerraformJson>, environment: string) {
  const found: AddressList = {};
  for (const [stackName, stack] of Object.entries(stacks)) {
    const tier = stackName.slice(0, -`-${environment}`.length);
    found[tier] = allResources(stack)
      .filter(([type]) => isStateful(type))
      .map(([type, name]) => `${type}.${name}`)
      .sort();
  }
  return found;
}

/** What changed between the reviewed list and a synth, as readable lines (empty: no change). */
function differences(expected: AddressList, actual: AddressList): string[] {
  const lines: string[] = [];
  for (const tier of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const listed = new Set(expected[tier] ?? []);
    const synthesized = new Set(actual[tier] ?? []);
    for (const address of listed) {
      if (!synthesized.has(address)) {
        lines.push(
          `${tier}: ${address} is gone or renamed. Terraform would DESTROY it. Restore its construct id, ` +
            "or add a `moved` block and update stateful-addresses.json in the same reviewed commit.",
        );
      }
    }
    for (const address of synthesized) {
      if (!listed.has(address)) {
        lines.push(
          `${tier}: ${address} is a new stateful resource. Add it to stateful-addresses.json ` +
            "(reviewed) and give it prevent_destroy.",
        );
      }
    }
  }
  return lines;
}

describe("the stateful-address guard", () => {
  const stacks = synthStacks();
  const actual = statefulAddresses(stacks, "default");

  it("finds every reviewed stateful address, and no unreviewed one", () => {
    expect(differences(reviewed, actual)).toEqual([]);
  });

  it("reports a renamed address as gone plus new, with what to do", () => {
    const lines = differences(
      { data: ["aws_dynamodb_table.tables_products"] },
      { data: ["aws_dynamodb_table.tables_goods"] },
    );
    expect(lines).toEqual([
      expect.stringContaining("data: aws_dynamodb_table.tables_products is gone or renamed"),
      expect.stringContaining("data: aws_dynamodb_table.tables_goods is a new stateful resource"),
    ]);
  });

  it("lists only resource types the stateful catalogue knows", () => {
    const types = Object.values(reviewed as AddressList).flatMap((addresses) =>
      addresses.map((address) => address.split(".")[0]),
    );
    for (const type of types) expect(Object.keys(STATEFUL_TYPES)).toContain(type);
  });

  it.each<[string, ConfigInput]>([
    ["another environment and name prefix", { environment: "prod", namePrefix: "support" }],
    [
      "table overrides and another Aurora subnet",
      {
        data: {
          aurora: { secondSubnetRole: "mcp-runtime" },
          tables: { "customer-profile": { ttlAttribute: null } },
        },
      },
    ],
  ])("keeps every address under %s", (_, input) => {
    const environment = input.environment ?? "default";
    expect(statefulAddresses(synthStacks(input), environment)).toEqual(actual);
  });

  it("gives every stateful resource prevent_destroy while protectStatefulResources is on", () => {
    const unprotected = Object.entries(stacks).flatMap(([stackName, stack]) =>
      allResources(stack)
        .filter(([type]) => isStateful(type))
        .filter(
          ([, , block]) =>
            (block.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy !==
            true,
        )
        .map(([type, name]) => `${stackName}: ${type}.${name}`),
    );
    expect(unprotected).toEqual([]);
  });
});
