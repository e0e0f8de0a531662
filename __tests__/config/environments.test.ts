import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  ConfigErrors,
  DEFAULT_ENVIRONMENT,
  knownEnvironments,
  loadConfig,
  loadConfigs,
} from "../../src/config";
import { parseIpv4Block, overlaps, type Ipv4Block } from "../../src/config/cidr";
import { scratchDirs } from "../support/scratch";

const ROOT = join(__dirname, "..", "..");
const FILES = readdirSync(join(ROOT, "config", "environments")).filter((f) => f.endsWith(".json"));

const scratch = scratchDirs("agentcore-envs-");

/** A scratch project root with the given environment files. */
function projectWith(files: Record<string, unknown>): string {
  const root = scratch();
  mkdirSync(join(root, "config", "environments"), { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(root, "config", "environments", name), JSON.stringify(content));
  }
  return root;
}

/** Every leaf of a config layer (arrays count as one value: layers replace arrays whole). */
function leaves(value: unknown, path: string[] = []): [string[], unknown][] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [[path, value]];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, [...path, key]));
}

function valueAt(root: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], root);
}

function codesOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigErrors);
    return (error as ConfigErrors).errors.map((e) => e.code);
  }
  throw new Error("expected the configuration to be rejected");
}

describe("the committed environments", () => {
  it("include dev and prod next to the built-in default", () => {
    expect(knownEnvironments(ROOT)).toEqual(["default", "dev", "prod"]);
  });

  it.each(FILES)("%s parses and passes every validation", (file) => {
    const name = file.replace(/\.json$/, "");
    const config = loadConfig({ cwd: ROOT, argv: ["--env", name] });
    expect(config.environment).toBe(name);
  });

  it("override only what differs from the seed: no file restates a default", () => {
    const defaults = loadConfig({ cwd: ROOT });
    const restated: string[] = [];
    for (const file of FILES) {
      const layer = JSON.parse(readFileSync(join(ROOT, "config", "environments", file), "utf8"));
      for (const [path, value] of leaves(layer)) {
        if (JSON.stringify(valueAt(defaults, path)) === JSON.stringify(value)) {
          restated.push(`${file}: ${path.join(".")}`);
        }
      }
    }
    expect(restated).toEqual([]);
  });

  it("give each environment its own VPC range, so they can be peered or share a transit later", () => {
    const configs = loadConfigs({ cwd: ROOT, argv: ["--env", "all"] });
    const blocks = configs.map((c) => [c.environment, parseIpv4Block(c.network.vpcCidr)]);
    for (const [i, [nameA, a]] of blocks.entries()) {
      for (const [nameB, b] of blocks.slice(i + 1)) {
        expect([nameA, nameB, overlaps(a as Ipv4Block, b as Ipv4Block)]).toEqual([
          nameA,
          nameB,
          false,
        ]);
      }
    }
  });

  it("give each environment its own state bucket (the bootstrap stack creates it)", () => {
    const buckets = loadConfigs({ cwd: ROOT, argv: ["--env", "all"] }).map((c) => c.backend.bucket);
    expect(new Set(buckets).size).toBe(buckets.length);
  });

  it("make dev disposable and keep prod's logs longer than dev's", () => {
    const dev = loadConfig({ cwd: ROOT, argv: ["--env", "dev"] });
    const prod = loadConfig({ cwd: ROOT, argv: ["--env", "prod"] });
    expect(dev.protectStatefulResources).toBe(false);
    expect(prod.protectStatefulResources).toBe(true);
    expect(prod.network.flowLogs.retentionDays).toBeGreaterThan(dev.network.flowLogs.retentionDays);
    expect(prod.backend.noncurrentVersionDays).toBeGreaterThan(dev.backend.noncurrentVersionDays);
  });
});

describe("environment selection", () => {
  it("synthesizes the default environment when nothing is named", () => {
    expect(loadConfig({ cwd: ROOT }).environment).toBe(DEFAULT_ENVIRONMENT);
    expect(loadConfigs({ cwd: ROOT }).map((c) => c.environment)).toEqual([DEFAULT_ENVIRONMENT]);
  });

  it("takes the flag over the variable", () => {
    const config = loadConfig({ cwd: ROOT, argv: ["--env=prod"], env: { AGENTCORE_ENV: "dev" } });
    expect(config.environment).toBe("prod");
  });

  it("gives every known environment for `all`, default first", () => {
    const names = loadConfigs({ cwd: ROOT, env: { AGENTCORE_ENV: "all" } }).map(
      (c) => c.environment,
    );
    expect(names).toEqual(["default", "dev", "prod"]);
  });

  it("refuses `all` where one environment is needed", () => {
    expect(codesOf(() => loadConfig({ cwd: ROOT, argv: ["--env", "all"] }))).toEqual([
      "CFG_ENV_ALL_SINGLE",
    ]);
  });

  it("rejects an unknown environment, listing the known ones", () => {
    expect(() => loadConfigs({ cwd: ROOT, argv: ["--env", "staging"] })).toThrow(
      /CFG_ENV_UNKNOWN_NAME.*known environments: default, dev, prod/,
    );
  });

  it("rejects an environment file named after a reserved word", () => {
    const root = projectWith({ "all.json": {}, "default.json": {}, "qa.json": {} });
    expect(codesOf(() => loadConfig({ cwd: root, argv: ["--env", "qa"] }))).toEqual([
      "CFG_ENV_FILE_RESERVED",
      "CFG_ENV_FILE_RESERVED",
    ]);
  });

  it("rejects an environment file that renames its environment", () => {
    const root = projectWith({ "qa.json": { environment: "prod" } });
    expect(codesOf(() => loadConfig({ cwd: root, argv: ["--env", "qa"] }))).toEqual([
      "CFG_ENV_NAME_MISMATCH",
    ]);
    const same = projectWith({ "qa.json": { environment: "qa" } });
    expect(loadConfig({ cwd: same, argv: ["--env", "qa"] }).environment).toBe("qa");
  });
});

describe("an environment file written before subnets were pinned by AZ ID", () => {
  it("is refused with the migration hint, not an unknown-key error", () => {
    const subnets = loadConfig({ cwd: ROOT, argv: ["--env", "dev"] }).network.subnets.map(
      ({ azId: _, ...subnet }, index) => ({ ...subnet, az: `us-west-2${"abc"[index]}` }),
    );
    const root = projectWith({ "qa.json": { network: { vpcCidr: "10.10.0.0/16", subnets } } });
    expect(codesOf(() => loadConfig({ cwd: root, argv: ["--env", "qa"] }))).toEqual([
      "CFG_AZ_NAME_NOT_ID",
      "CFG_AZ_NAME_NOT_ID",
      "CFG_AZ_NAME_NOT_ID",
    ]);
  });
});

describe("state bucket settings", () => {
  it("reject a noncurrent-version retention outside 1 to 3650 whole days", () => {
    for (const days of [0, 3651, 1.5]) {
      expect(
        codesOf(() =>
          loadConfig({ cwd: ROOT, override: { backend: { noncurrentVersionDays: days } } }),
        ),
      ).toEqual(["CFG_INVALID"]);
    }
  });
});
