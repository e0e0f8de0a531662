import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigErrors, loadConfig, parseConfig, type ConfigInput } from "../../src/config";
import { loadConfigs } from "../../src/config/load";
import { scratchDirs } from "../support/scratch";

/** The codes of the errors that parsing `input` raises; fails the test if it parses. */
function errorsOf(input: unknown): { code: string; field: string; message: string }[] {
  try {
    parseConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigErrors);
    return (error as ConfigErrors).errors.map(({ code, field, message }) => ({
      code,
      field,
      message,
    }));
  }
  throw new Error("expected the config to be rejected");
}

const seedSubnets = () => parseConfig({}).network.subnets.map((subnet) => ({ ...subnet }));

function withSubnet(index: number, change: Record<string, unknown>): ConfigInput {
  const subnets = seedSubnets();
  subnets[index] = { ...subnets[index], ...change } as (typeof subnets)[number];
  return { network: { subnets } };
}

describe("configuration defaults", () => {
  it("are the seed topology", () => {
    const config = parseConfig({});
    expect(config.region).toBe("us-west-2");
    expect(config.network.vpcCidr).toBe("10.0.0.0/16");
    expect(config.network.subnets.map((s) => [s.role, s.cidr, s.azId])).toEqual([
      ["agent-runtime", "10.0.3.0/24", "usw2-az1"],
      ["data", "10.0.4.0/24", "usw2-az2"],
      ["mcp-runtime", "10.0.1.0/24", "usw2-az3"],
    ]);
    expect(config.network.interfaceEndpoints).toHaveLength(12);
    expect(config.protectStatefulResources).toBe(true);
  });

  it("are frozen, so no construct can change them behind the validator's back", () => {
    const config = parseConfig({});
    expect(Object.isFrozen(config.network.subnets[0])).toBe(true);
  });
});

describe("configuration validation", () => {
  it("rejects a malformed CIDR, naming the field and the value", () => {
    const [error] = errorsOf({ network: { vpcCidr: "10.0.0/16" } });
    expect(error.code).toBe("CFG_CIDR_MALFORMED");
    expect(error.field).toBe("network.vpcCidr");
    expect(error.message).toContain('"10.0.0/16"');
    expect(error.message).toContain("10.0.0.0/16");
  });

  it("rejects a CIDR with host bits set", () => {
    expect(errorsOf(withSubnet(0, { cidr: "10.0.3.7/24" }))[0].code).toBe("CFG_CIDR_MALFORMED");
  });

  it("rejects a VPC outside private address space", () => {
    expect(
      errorsOf({ network: { vpcCidr: "52.0.0.0/16", subnets: [] } }).map((e) => e.code),
    ).toContain("CFG_CIDR_NOT_PRIVATE");
  });

  it("rejects a VPC prefix AWS does not allow", () => {
    expect(errorsOf({ network: { vpcCidr: "10.0.0.0/8" } })[0].code).toBe("CFG_CIDR_SIZE");
  });

  it("rejects a subnet too small for an interface per endpoint plus the workloads", () => {
    const [error] = errorsOf(withSubnet(0, { cidr: "10.0.3.0/28" }));
    expect(error).toMatchObject({ code: "CFG_SUBNET_TOO_SMALL", field: "network.subnets[0].cidr" });
    expect(error.message).toContain("has 11 usable addresses but needs 22");
    expect(error.message).toContain("use /27 or larger");
    expect(() => parseConfig(withSubnet(0, { cidr: "10.0.3.0/27" }))).not.toThrow();
  });

  it("rejects a subnet outside the VPC", () => {
    const [error] = errorsOf(withSubnet(1, { cidr: "10.1.4.0/24" }));
    expect(error).toMatchObject({
      code: "CFG_SUBNET_OUTSIDE_VPC",
      field: "network.subnets[1].cidr",
    });
    expect(error.message).toContain("10.0.0.0/16");
  });

  it("rejects overlapping subnets and names the one overlapped", () => {
    const [error] = errorsOf(withSubnet(2, { cidr: "10.0.3.128/25" }));
    expect(error).toMatchObject({ code: "CFG_SUBNET_OVERLAP", field: "network.subnets[2].cidr" });
    expect(error.message).toContain("network.subnets[0].cidr 10.0.3.0/24");
  });

  it.each([
    ["two roles in one AZ", 1, "usw2-az1", "CFG_AZ_DUPLICATE", "network.subnets[0] is already in"],
    ["an AZ ID of another region", 0, "use1-az1", "CFG_AZ_NOT_IN_REGION", "usw2-az1, usw2-az2"],
    ["an AZ name where an AZ ID belongs", 2, "us-west-2c", "CFG_AZ_NOT_IN_REGION", "not a name"],
    [
      "a zone of the region where AgentCore Runtime takes no subnets",
      1,
      "usw2-az4",
      "CFG_AZ_AGENTCORE_UNSUPPORTED",
      "only in usw2-az1, usw2-az2, usw2-az3",
    ],
  ])("rejects %s, saying what is allowed", (_, index, azId, code, allowed) => {
    const [error] = errorsOf(withSubnet(index as number, { azId }));
    expect(error).toMatchObject({ code, field: `network.subnets[${index}].azId` });
    expect(error.message).toContain(allowed);
  });

  it("accepts another region's AgentCore zones", () => {
    const subnets = seedSubnets().map((subnet, index) => ({
      ...subnet,
      azId: ["use1-az1", "use1-az2", "use1-az4"][index],
    }));
    const config = parseConfig({ region: "us-east-1", network: { subnets } });
    expect(config.network.subnets.map((subnet) => subnet.azId)).toEqual([
      "use1-az1",
      "use1-az2",
      "use1-az4",
    ]);
  });

  it("rejects an unknown region, and leaves the AZs unchecked until it is valid", () => {
    const errors = errorsOf({ region: "us-west-9" });
    expect(errors.map((e) => e.code)).toContain("CFG_REGION_UNSUPPORTED");
    const zones = errors.filter((e) => e.code === "CFG_AZ_NOT_IN_REGION");
    expect(zones).toHaveLength(3);
    expect(zones[0].message).toContain("cannot be checked until region is valid");
  });

  it("rejects a missing role and a doubled one", () => {
    const errors = errorsOf(withSubnet(2, { role: "data" }));
    expect(errors.map((e) => e.code)).toEqual(["CFG_SUBNET_ROLE_COUNT", "CFG_SUBNET_ROLE_COUNT"]);
    expect(errors.map((e) => e.message).join()).toContain('"mcp-runtime", found 0');
  });

  it("rejects an empty endpoint list", () => {
    expect(errorsOf({ network: { interfaceEndpoints: [] } })[0].code).toBe("CFG_ENDPOINTS_EMPTY");
  });

  it("rejects an empty, unknown or duplicate endpoint service", () => {
    const errors = errorsOf({ network: { interfaceEndpoints: ["logs", "", "lgos", "logs"] } });
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ["CFG_ENDPOINT_EMPTY", "network.interfaceEndpoints[1]"],
      ["CFG_ENDPOINT_UNKNOWN", "network.interfaceEndpoints[2]"],
      ["CFG_ENDPOINT_DUPLICATE", "network.interfaceEndpoints[3]"],
    ]);
    expect(errors[1].message).toContain("bedrock-runtime");
  });

  it("rejects a retention CloudWatch does not offer, listing the allowed values", () => {
    const [error] = errorsOf({ network: { flowLogs: { retentionDays: 100 } } });
    expect(error).toMatchObject({ code: "CFG_INVALID", field: "network.flowLogs.retentionDays" });
    expect(error.message).toContain("got 100");
    expect(error.message).toContain("90, 120");
  });

  it("rejects a missing backend bucket", () => {
    const [error] = errorsOf({ backend: { bucket: "" } });
    expect(error).toMatchObject({ code: "CFG_INVALID", field: "backend.bucket" });
    expect(error.message).toContain("AGENTCORE_STATE_BUCKET");
  });

  it.each(["192.168.1.1", "a..b-bucket", "xn--bucket", "state-s3alias", "my.-bucket"])(
    "rejects the state bucket name %s, which S3 refuses",
    (bucket) => {
      const [error] = errorsOf({ backend: { bucket } });
      expect(error).toMatchObject({ code: "CFG_INVALID", field: "backend.bucket" });
      expect(error.message).toContain("breaks an S3 naming rule");
    },
  );

  it("rejects misspelt keys instead of ignoring them", () => {
    const [error] = errorsOf({ network: { vpcCIDR: "10.0.0.0/16" } });
    expect(error).toMatchObject({ code: "CFG_UNKNOWN_KEY", field: "network.vpcCIDR" });
    expect(error.message).toContain("the settings at network are vpcCidr, subnets,");
    const deep = errorsOf({ network: { subnets: [{ name: "x", nmae: "y" }] } }).find(
      (e) => e.code === "CFG_UNKNOWN_KEY",
    )!;
    expect(deep.message).toContain("the settings at network.subnets[0] are name, role, cidr, azId");
  });

  it("refuses the retired AZ-name key with one migration hint per subnet", () => {
    const subnets = seedSubnets().map(({ azId, ...subnet }, index) =>
      index === 0 ? { ...subnet, azId } : { ...subnet, az: `us-west-2${"abc"[index]}` },
    );
    const errors = errorsOf({ network: { subnets } });
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ["CFG_AZ_NAME_NOT_ID", "network.subnets[1].az"],
      ["CFG_AZ_NAME_NOT_ID", "network.subnets[2].az"],
    ]);
    expect(errors[0].message).toContain('got "us-west-2b"');
    expect(errors[0].message).toContain('replace "az" with "azId"');
    expect(errors[0].message).toContain("per-account aliases");
    expect(errors[0].message).toContain("us-west-2: usw2-az1, usw2-az2, usw2-az3");
  });

  it("names the configured region's zones in the migration hint", () => {
    const subnets = seedSubnets().map(({ azId: _, ...subnet }) => ({ ...subnet, az: "x" }));
    const [error] = errorsOf({ region: "eu-west-1", network: { subnets } });
    expect(error.message).toContain("eu-west-1: euw1-az1, euw1-az2, euw1-az3");
    expect(error.message).toContain("--region eu-west-1");
  });

  it("reports az beside azId as retired, and another unknown key beside it as unknown", () => {
    const errors = errorsOf(withSubnet(0, { az: "us-west-2a", zone: "a" }));
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ["CFG_AZ_NAME_NOT_ID", "network.subnets[0].az"],
      ["CFG_UNKNOWN_KEY", "network.subnets[0].zone"],
    ]);
  });

  it("treats az outside a subnet as an ordinary unknown key", () => {
    const [error] = errorsOf({ network: { az: "us-west-2a" } });
    expect(error).toMatchObject({ code: "CFG_UNKNOWN_KEY", field: "network.az" });
  });

  it("still asks for azId when a subnet has neither key", () => {
    const subnets = seedSubnets().map(({ azId: _, ...subnet }) => subnet);
    expect(errorsOf({ network: { subnets } }).map((e) => [e.code, e.field])).toEqual([
      ["CFG_INVALID", "network.subnets[0].azId"],
      ["CFG_INVALID", "network.subnets[1].azId"],
      ["CFG_INVALID", "network.subnets[2].azId"],
    ]);
  });

  it("reports every problem at once", () => {
    expect(errorsOf({ region: "mars-1", network: { vpcCidr: "x" } }).length).toBeGreaterThanOrEqual(
      2,
    );
  });
});

describe("configuration sources", () => {
  const root = scratchDirs("agentcore-config-")();
  mkdirSync(join(root, "config", "environments"), { recursive: true });
  writeFileSync(
    join(root, "config", "environments", "qa.json"),
    JSON.stringify({ network: { flowLogs: { retentionDays: 30 } } }),
  );
  writeFileSync(join(root, "extra.json"), JSON.stringify({ namePrefix: "extra" }));
  writeFileSync(join(root, "broken.json"), "{ not json");
  writeFileSync(join(root, "rename.json"), JSON.stringify({ environment: "qa" }));
  writeFileSync(join(root, "proto.json"), '{"__proto__": {"region": "eu-west-1"}}');
  const prodFile = join(root, "config", "environments", "prod.json");
  writeFileSync(prodFile, JSON.stringify({ backend: { bucket: "shared-state" } }));
  writeFileSync(
    join(root, "config", "environments", "qb.json"),
    JSON.stringify({ backend: { bucket: "shared-state" } }),
  );

  it("layers an environment file, an extra file and the bucket variable over the defaults", () => {
    const config = loadConfig({
      cwd: root,
      argv: ["--env", "qa"],
      env: { AGENTCORE_CONFIG: "extra.json", AGENTCORE_STATE_BUCKET: "qa-state-bucket" },
    });
    expect(config.environment).toBe("qa");
    expect(config.network.flowLogs.retentionDays).toBe(30);
    expect(config.network.vpcCidr).toBe("10.0.0.0/16");
    expect(config.namePrefix).toBe("extra");
    expect(config.backend.bucket).toBe("qa-state-bucket");
  });

  it("rejects an unknown environment, listing the known ones", () => {
    expect(() => loadConfig({ cwd: root, env: { AGENTCORE_ENV: "staging" } })).toThrow(
      /CFG_ENV_UNKNOWN_NAME.*known environments: default, prod, qa, qb/,
    );
  });

  it("rejects an unknown AGENTCORE_ variable, so a typo is not ignored", () => {
    expect(() => loadConfig({ cwd: root, env: { AGENTCORE_STATE_BUKET: "x" } })).toThrow(
      /CFG_ENV_UNKNOWN.*AGENTCORE_STATE_BUKET.*AGENTCORE_STATE_BUCKET/,
    );
  });

  it("rejects an unknown flag and a flag without a value", () => {
    expect(() => loadConfig({ cwd: root, argv: ["--enviroment", "qa"] })).toThrow(
      /CFG_FLAG_UNKNOWN/,
    );
    expect(() => loadConfig({ cwd: root, argv: ["--env"] })).toThrow(/CFG_FLAG_VALUE/);
  });

  it("rejects a config file that is missing or not JSON", () => {
    expect(() => loadConfig({ cwd: root, argv: ["--config", "nope.json"] })).toThrow(
      /CFG_FILE_UNREADABLE/,
    );
    expect(() => loadConfig({ cwd: root, argv: ["--config=broken.json"] })).toThrow(
      /CFG_FILE_NOT_JSON/,
    );
  });

  it("refuses a config file that renames the environment, so dev settings cannot overwrite prod's stacks", () => {
    expect(() => loadConfig({ cwd: root, argv: ["--config", "rename.json"] })).toThrow(
      /CFG_ENV_NAME_MISMATCH.*got "qa".*chosen by --env or AGENTCORE_ENV \(here "default"\)/,
    );
    expect(() =>
      loadConfig({ cwd: root, argv: ["--env", "prod"], env: { AGENTCORE_CONFIG: "rename.json" } }),
    ).toThrow(/CFG_ENV_NAME_MISMATCH/);
    expect(
      loadConfig({ cwd: root, argv: ["--env", "qa", "--config", "rename.json"] }).environment,
    ).toBe("qa");
  });

  it("refuses __proto__ in a config file instead of letting it change the defaults", () => {
    expect(() => loadConfig({ cwd: root, argv: ["--config", "proto.json"] })).toThrow(
      /CFG_UNKNOWN_KEY.*__proto__/,
    );
  });

  it("refuses a flag given twice", () => {
    expect(() => loadConfig({ cwd: root, argv: ["--env", "qa", "--env=prod"] })).toThrow(
      /CFG_FLAG_REPEATED.*\["qa","prod"\]/,
    );
  });

  it("refuses one state bucket for every environment, and two environments sharing one", () => {
    expect(() =>
      loadConfigs({
        cwd: root,
        argv: ["--env", "all"],
        env: { AGENTCORE_STATE_BUCKET: "b-state" },
      }),
    ).toThrow(/CFG_BUCKET_FOR_ALL/);
    expect(() => loadConfigs({ cwd: root, argv: ["--env", "all"] })).toThrow(
      /CFG_BUCKET_SHARED.*qb: backend.bucket.*"prod"/,
    );
  });
});
