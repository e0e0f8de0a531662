import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "@cdktf/hcl2json";
import { format } from "@cdktf/hcl-tools";
import { loadConfigs, parseConfig } from "../../src/config";
import { HCL_DIR, renderHcl, writeHcl } from "../../src/ops/hcl";
import { PolicyViolations } from "../../src/policy/engine";
import { render } from "../../src/synth/pipeline";
import { unrefGoWasmTimers } from "../support/go-wasm";
import { scratchDirs } from "../support/scratch";

unrefGoWasmTimers();
const scratch = scratchDirs("agentcore-hcl-");

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
 * - hcl2json returns an expression as its source text, and the formatter re-spaces expressions
 *   (`jsonencode({"a" = x})` becomes `jsonencode({ "a" = x })`), so whitespace is ignored in
 *   strings holding an interpolation, on both sides.
 */
function canonical(value: unknown): unknown {
  if (typeof value === "string" && value.includes("${")) return value.replace(/\s+/g, "");
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
  const json = Object.assign({}, ...configs.map((config) => render(config).stacks));
  const cases = Object.keys(json).map((stack) => [stack] as const);
  const hcl: Record<string, string> = {};
  beforeAll(async () => {
    for (const config of configs) Object.assign(hcl, await renderHcl(config));
  });

  it("covers every stack of every environment", () => {
    expect(Object.keys(hcl)).toEqual(Object.keys(json));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["state-dev", "network-prod"]));
  });

  it.each(cases)("of %s parses back to the same configuration as the JSON", async (stack) => {
    const parsed = await parse("main.tf", hcl[stack]);
    expect(canonical(parsed)).toEqual(canonical(json[stack]));
  });

  it("would notice a difference: a changed value in the HCL fails the comparison", async () => {
    const changed = hcl["network-default"].replace('"10.0.0.0/16"', '"10.9.0.0/16"');
    const parsed = await parse("main.tf", changed);
    expect(canonical(parsed)).not.toEqual(canonical(json["network-default"]));
  });

  it("is formatted as `terraform fmt` would (indented, aligned), so reformatting changes nothing", async () => {
    const text = hcl["network-default"];
    expect(text).toMatch(/^ {2}region = "us-west-2"$/m);
    expect(await format(text)).toBe(text);
  });
});

/** Every `filename` attribute anywhere in a parsed configuration, with its sibling attributes. */
function fileReferences(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(fileReferences);
  if (value === null || typeof value !== "object") return [];
  const block = value as Record<string, unknown>;
  const own = typeof block.filename === "string" ? [block] : [];
  return [...own, ...Object.values(block).flatMap(fileReferences)];
}

describe("writing the HCL (npm run synth:hcl)", () => {
  let outdir: string;
  let files: string[];
  beforeAll(async () => {
    outdir = scratch();
    files = await writeHcl(parseConfig({}), outdir);
  });

  it("makes each stack directory a complete root module: every file it names is there", async () => {
    const references: string[] = [];
    const missing: string[] = [];
    for (const file of files) {
      const parsed = await parse("main.tf", readFileSync(file, "utf8"));
      for (const block of fileReferences(parsed)) {
        const path = join(dirname(file), String(block.filename));
        references.push(path);
        if (!existsSync(path)) {
          missing.push(path);
        } else if (block.source_code_hash !== undefined) {
          // The zip is the very one the function's hash describes, not merely a file of that name.
          const sha256 = createHash("sha256").update(readFileSync(path)).digest("base64");
          expect(sha256).toBe(block.source_code_hash);
        }
      }
    }
    expect(missing).toEqual([]);
    // The app tier's two gateway tools ship as zips.
    expect(references.filter((path) => path.includes("app-default/assets/"))).toHaveLength(2);
  });

  it("writes nothing but main.tf and the assets it names", () => {
    const entries = readdirSync(join(outdir, HCL_DIR, "app-default"));
    expect(entries.sort()).toEqual(["assets", "main.tf"]);
  });

  it("refuses, as synth does, a configuration that fails the policy pack, writing nothing", async () => {
    const failing = parseConfig({ policy: { suppressions: [] } });
    const empty = scratch();
    await expect(writeHcl(failing, empty)).rejects.toThrow(PolicyViolations);
    expect(readdirSync(empty)).toEqual([]);
  });
});
