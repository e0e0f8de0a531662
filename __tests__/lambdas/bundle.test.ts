import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { unzipSync } from "fflate";
import { TOOL_FUNCTIONS } from "../../src/config/schema/app";
import { bundleFunction, ENTRY_FILE } from "../../src/lambdas/bundle";
import { scratchDirs } from "../support/scratch";

const scratch = scratchDirs("bundle-tz-");

describe("the Lambda bundler", () => {
  it.each(TOOL_FUNCTIONS)("gives the same bytes and hash for the same source (%s)", (name) => {
    const first = bundleFunction(name);
    const second = bundleFunction(name);
    expect(Buffer.from(second.zip).equals(Buffer.from(first.zip))).toBe(true);
    expect(second.sha256).toBe(first.sha256);
    expect(first.sha256).toBe(createHash("sha256").update(first.zip).digest("base64"));
  });

  it("stamps every entry with the fixed DOS time 1980-01-01 00:00, not the build time", () => {
    const zip = Buffer.from(bundleFunction("warranty-lookup").zip);
    // Local file header: signature PK\x03\x04, then the DOS time at byte 10 and date at byte 12.
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(10)).toBe(0);
    expect(zip.readUInt16LE(12)).toBe((0 << 9) | (1 << 5) | 1);
  });

  it("gives the same bytes in another time zone (zip times are local-time fields)", () => {
    // Jest sandboxes process.env, so TZ only takes effect in a fresh process.
    const dir = scratch();
    const script = join(dir, "bundle.cjs");
    buildSync({
      entryPoints: ["src/lambdas/bundle.ts"],
      bundle: true,
      packages: "external",
      platform: "node",
      format: "cjs",
      outfile: script,
      logLevel: "silent",
    });
    const hashIn = (tz: string) =>
      execFileSync(
        process.execPath,
        [
          "-e",
          `process.stdout.write(require(${JSON.stringify(script)}).bundleFunction("warranty-lookup").sha256)`,
        ],
        { env: { PATH: process.env.PATH, TZ: tz, NODE_PATH: join(process.cwd(), "node_modules") } },
      ).toString();
    const utc = hashIn("UTC");
    expect(hashIn("Pacific/Auckland")).toBe(utc);
    expect(utc).toBe(bundleFunction("warranty-lookup").sha256);
  });

  it("holds one ES module with the handler, the SDK left to the Lambda runtime", () => {
    const files = unzipSync(bundleFunction("customer-profile").zip);
    expect(Object.keys(files)).toEqual([ENTRY_FILE]);
    const code = Buffer.from(files[ENTRY_FILE]).toString("utf8");
    expect(code).toMatch(/export \{[^}]*\bhandler\b/);
    expect(code).toContain('from "@aws-sdk/lib-dynamodb"');
    expect(code).not.toContain(process.cwd());
  });

  it("differs between the two functions", () => {
    expect(bundleFunction("warranty-lookup").sha256).not.toBe(
      bundleFunction("customer-profile").sha256,
    );
  });
});
