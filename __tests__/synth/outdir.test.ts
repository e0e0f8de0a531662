import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseConfig } from "../../src/config";
import { render } from "../../src/synth/pipeline";
import {
  environmentOfStack,
  pruneStaleStacks,
  readManifest,
  synthesizeEnvironments,
} from "../../src/synth/outdir";
import { scratchDirs } from "../support/scratch";

const scratch = scratchDirs("agentcore-out-");

/** A scratch cdktf.out with these stack directories (each holding the given files). */
function outdirWith(stacks: Record<string, string[]>): string {
  const outdir = scratch();
  for (const [name, files] of Object.entries(stacks)) {
    mkdirSync(join(outdir, "stacks", name), { recursive: true });
    for (const file of files) writeFileSync(join(outdir, "stacks", name, file), "{}");
  }
  return outdir;
}

const exists = (outdir: string, stack: string) => existsSync(join(outdir, "stacks", stack));

describe("stack directory names", () => {
  it("carry the environment after the tier, hyphens in the environment included", () => {
    expect(environmentOfStack("network-dev")).toBe("dev");
    expect(environmentOfStack("app-eu-prod")).toBe("eu-prod");
    expect(environmentOfStack("orphan")).toBeUndefined();
  });

  it("are ours only when they start with a known tier and name an environment", () => {
    expect(environmentOfStack("my-own-dir")).toBeUndefined();
    expect(environmentOfStack("network-")).toBeUndefined();
    expect(environmentOfStack("network-dev.backup")).toBeUndefined();
    expect(environmentOfStack("Network-dev")).toBeUndefined();
  });
});

describe("pruning cdktf.out", () => {
  it("removes only the synthesized environment's stale stacks, never another environment's", () => {
    const outdir = outdirWith({
      "network-dev": ["cdk.tf.json", "default.tfplan"],
      "app-dev": ["cdk.tf.json"],
      "network-prod": ["cdk.tf.json", "default.tfplan"],
    });
    const removed = pruneStaleStacks(outdir, {
      environments: ["dev"],
      written: ["network-dev"],
      allEnvironments: false,
    });
    expect(removed).toEqual(["app-dev"]);
    expect(exists(outdir, "network-prod")).toBe(true);
    // A stack that was rewritten keeps its directory, and with it Atlantis's plan file.
    expect(existsSync(join(outdir, "stacks", "network-dev", "default.tfplan"))).toBe(true);
  });

  it("with every environment synthesized, also removes environments that no longer exist", () => {
    const outdir = outdirWith({ "network-dev": [], "network-qa": [] });
    const removed = pruneStaleStacks(outdir, {
      environments: ["dev"],
      written: ["network-dev"],
      allEnvironments: true,
    });
    expect(removed).toEqual(["network-qa"]);
  });

  it("never removes a directory that is not `<tier>-<environment>`, whatever was synthesized", () => {
    const strangers = ["my-own-dir", "orphan", "network-dev.backup", "notes"];
    const outdir = outdirWith(Object.fromEntries(strangers.map((name) => [name, ["x.txt"]])));
    for (const environments of [["dev"], ["own-dir"]]) {
      for (const allEnvironments of [false, true]) {
        const removed = pruneStaleStacks(outdir, { environments, written: [], allEnvironments });
        expect(removed).toEqual([]);
      }
    }
    for (const name of strangers) expect(exists(outdir, name)).toBe(true);
  });

  it("never removes a directory that holds Terraform state", () => {
    const outdir = outdirWith({ "state-qa": ["terraform.state-qa.tfstate"] });
    const removed = pruneStaleStacks(outdir, {
      environments: ["qa"],
      written: [],
      allEnvironments: true,
    });
    expect(removed).toEqual([]);
    expect(exists(outdir, "state-qa")).toBe(true);
  });
});

describe("synthesizing several environments into one cdktf.out", () => {
  const dev = parseConfig({ environment: "dev" });
  const prod = parseConfig({ environment: "prod", network: { vpcCidr: "10.0.0.0/16" } });

  it("keeps the manifest listing every stack directory on disk", () => {
    const outdir = outdirWith({});
    synthesizeEnvironments([dev], outdir, false);
    synthesizeEnvironments([prod], outdir, false);
    const expected = [dev, prod].flatMap((config) => Object.keys(render(config).stacks));
    expect(Object.keys(readManifest(outdir).stacks ?? {})).toEqual(expected.sort());
    expect(expected).toEqual(expect.arrayContaining(["network-dev", "state-prod"]));
  });

  it("writes byte-identical files when run twice", () => {
    const read = (outdir: string) =>
      ["manifest.json", "stacks/network-dev/cdk.tf.json", "stacks/state-dev/cdk.tf.json"].map(
        (file) => readFileSync(join(outdir, file), "utf8"),
      );
    const first = outdirWith({});
    const second = outdirWith({});
    synthesizeEnvironments([dev], first, false);
    synthesizeEnvironments([dev], second, false);
    expect(read(second)).toEqual(read(first));
  });
});
