import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { parseConfig } from "../../src/config";
import {
  ATLANTIS_FILE,
  atlantisConfig,
  atlantisYaml,
  autoplanSources,
  renderAtlantisYaml,
  sharedConfigFiles,
} from "../../src/ops/atlantis";
import { stackGraph } from "../../src/ops/stack-graph";
import { scratchDirs } from "../support/scratch";

const scratch = scratchDirs("agentcore-atlantis-");

const ROOT = join(__dirname, "..", "..");

describe("atlantis.yaml", () => {
  it("is up to date with the code and config/environments (else run `npm run atlantis`)", () => {
    const committed = readFileSync(join(ROOT, ATLANTIS_FILE), "utf8");
    const fresh = atlantisYaml(ROOT);
    if (committed !== fresh) {
      throw new Error(
        `${ATLANTIS_FILE} is stale: the synthesized stacks changed. Run \`npm run atlantis\` ` +
          "and commit the result.",
      );
    }
  });

  const dev = parseConfig({ environment: "dev" });
  const prod = parseConfig({ environment: "prod", network: { vpcCidr: "10.0.0.0/16" } });
  const config = atlantisConfig(stackGraph([dev, prod], "cdktf.out"));
  const project = (name: string) => {
    const found = config.projects.find((p) => p.name === name);
    if (!found) throw new Error(`no project ${name}`);
    return found;
  };

  it("has one project per remote-state stack directory, named after the stack", () => {
    const graph = stackGraph([dev, prod], "cdktf.out");
    const expected = graph.filter((node) => node.remoteState).map((node) => node.name);
    expect(config.projects.map((p) => p.name).sort()).toEqual(expected.sort());
    expect(expected).toEqual(expect.arrayContaining(["network-dev", "app-dev", "network-prod"]));
    for (const p of config.projects) expect(p.dir).toBe(`cdktf.out/stacks/${p.name}`);
  });

  it("leaves the bootstrap stack, whose state is local, to be applied by hand", () => {
    expect(config.projects.map((p) => p.name)).not.toContain("state-dev");
  });

  it("orders the tiers from cdktf's cross-stack dependencies", () => {
    expect(project("network-dev")).not.toHaveProperty("depends_on");
    expect(project("network-dev").execution_order_group).toBe(1);
    expect(project("data-dev")).toMatchObject({
      depends_on: ["network-dev"],
      execution_order_group: 2,
    });
    // The registry reads no other tier: it plans and applies alongside the network.
    expect(project("registry-dev")).not.toHaveProperty("depends_on");
    expect(project("registry-dev").execution_order_group).toBe(1);
    expect(project("app-dev")).toMatchObject({
      depends_on: ["data-dev", "network-dev", "registry-dev"],
      execution_order_group: 3,
    });
    expect(project("app-prod").depends_on).toEqual(["data-prod", "network-prod", "registry-prod"]);
  });

  it("plans each project with its environment's workflow, which synthesizes first", () => {
    expect(project("app-prod").workflow).toBe("cdktf-prod");
    expect(config.workflows["cdktf-prod"].plan.steps).toEqual([
      { run: "cd ../../.. && npm run --silent synth -- --env prod" },
      "init",
      "plan",
    ]);
  });

  it("autoplans on whatever shapes the synthesized stacks, relative to the project dir", () => {
    expect(project("network-dev").autoplan.when_modified).toEqual([
      "../../../src/**/*.ts",
      "../../../scripts/**",
      "../../../main.ts",
      "../../../config/environments/dev.json",
      "../../../cdktf.json",
      "../../../tsconfig*.json",
      "../../../package.json",
      "../../../package-lock.json",
    ]);
  });

  it("autoplans every environment on a config file shared by all, never on another's own file", () => {
    const root = scratch();
    for (const file of [
      "environments/dev.json",
      "environments/prod.json",
      "shared.json",
      "tags/common.json",
    ]) {
      mkdirSync(dirname(join(root, "config", file)), { recursive: true });
      writeFileSync(join(root, "config", file), "{}");
    }
    const shared = sharedConfigFiles(root);
    expect(shared).toEqual(["config/shared.json", "config/tags/common.json"]);
    const sources = autoplanSources("dev", shared);
    expect(sources).toEqual(
      expect.arrayContaining(["../../../config/shared.json", "../../../config/tags/common.json"]),
    );
    expect(sources.filter((source) => source.includes("prod"))).toEqual([]);
  });

  it("runs plans one at a time, since projects share one checkout", () => {
    expect(config).toMatchObject({ version: 3, parallel_plan: false, parallel_apply: false });
  });

  it("renders deterministically to YAML that reads back as the same config", () => {
    const graph = stackGraph([dev], "cdktf.out");
    const text = renderAtlantisYaml(graph);
    expect(renderAtlantisYaml(stackGraph([dev], "cdktf.out"))).toBe(text);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(atlantisConfig(graph))));
    expect(text.startsWith("# Generated by `npm run atlantis`")).toBe(true);
  });
});
