import { parse } from "@cdktf/hcl2json";
import { loadConfigs } from "../../src/config";
import { renderHcl } from "../../src/ops/hcl";
import { render } from "../../src/synth/pipeline";

/**
 * Brings the two renderings to one shape, removing only differences of representation:
 *
 * - HCL has no place for cdktf's `"//"` metadata comments, so they are dropped.
 * - hcl2json returns every block as a list of blocks (`resource.aws_vpc.x` is `[{...}]`,
 *   `default_tags` is `[{...}]`), while cdktf's JSON writes a single block as an object for
 *   some blocks (`versioning_configuration: {...}`) and as a one-element list for others.
 *   A one-element list of an object is therefore compared as that object, on both sides.
 *   Lists of several elements (three subnets, two statements) stay lists, in order.
 * - Key order differs (hcl2json sorts); objects are compared by keys, not order.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length === 1 && value[0] !== null && typeof value[0] === "object") {
      return canonical(value[0]);
    }
    return value.map(canonical);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "//")
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, canonical(inner)]),
    );
  }
  return value;
}

describe("the HCL rendering", () => {
  const configs = loadConfigs({ cwd: `${__dirname}/../..`, argv: ["--env", "all"] });
  const cases = configs.flatMap((config) => {
    const hcl = renderHcl(config);
    const json = render(config).stacks;
    return Object.keys(json).map((stack) => [stack, hcl[stack], json[stack]] as const);
  });

  it("covers every stack of every environment", () => {
    const expected = configs.flatMap((config) => Object.keys(render(config).stacks));
    expect(cases.map(([stack]) => stack)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(["state-dev", "network-prod"]));
  });

  it.each(cases)(
    "of %s parses back to the same configuration as the JSON",
    async (_, hcl, json) => {
      const parsed = await parse("main.tf", hcl);
      expect(canonical(parsed)).toEqual(canonical(json));
    },
  );

  it("would notice a difference: a changed value in the HCL fails the comparison", async () => {
    const [, hcl, json] = cases.find(([stack]) => stack === "network-default")!;
    const parsed = await parse("main.tf", hcl.replace('"10.0.0.0/16"', '"10.9.0.0/16"'));
    expect(canonical(parsed)).not.toEqual(canonical(json));
  });
});
