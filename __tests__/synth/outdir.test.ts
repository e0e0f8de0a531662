import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "../../src/config";
import { render } from "../../src/synth/pipeline";
import {
  environmentOfStack,
  pruneStaleStacks,
  readManifest,
  synthesizeEnvironments,
} from "../../src/synth/outdir";

/** A scratch cdktf.out with these stack directories (each holding the given files). */
function outdirWith(stacks: Record<string, string[]>): string {
  const outdir = mkdtempSync(join(tmpdir(), "agentcore-out-"));
  for (const [name, files] of Object.entries(stacks)) {
    mkdirSync(join(outdir, "stacks", name), { recursive: true });
    for (const file of files) writeFileSync(join(outdir, "stacks", name, file), "{}");
  }
  return outdir;
}

const exists = (outdir: string, stack: string) => existsSync(join(outdir, "stacks", stack));

describe("stack directory names", () => {
  it("carry the environment after the first hyphen, hyphens in the environment included", () => {
    expect(environmentOfStack("network-dev")).toBe("dev");
    expect(environmentOfStack("app-eu-prod")).toBe("eu-prod");
    expect(environmentOfStack("orphan")).toBeUndefined();
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
    const outdir = outdirWith({ "network-dev": [], "network-qa": [], orphan: [] });
    const removed = pruneStaleStacks(outdir, {
      environments: ["dev"],
      written: ["network-dev"],
      allEnvironments: true,
    });
    expect(removed).toEqual(["network-qa", "orphan"]);
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
