import { INTERFACE_ENDPOINT_CATALOGUE } from "../network/endpoint-catalogue";
import { contains, isPrivate, overlaps, parseIpv4Block, type Ipv4Block } from "./cidr";
import { ConfigError } from "./errors";
import { validateData } from "./validate-data";
import { agentcoreZoneIds, isZoneIdOf, SUPPORTED_REGIONS } from "./regions";
import { validateApp } from "./validate-app";
import type { Config } from "./schema";
import { SUBNET_ROLES } from "./schema/network";

/** AWS allows VPC and subnet prefixes from /16 to /28. */
const MIN_PREFIX = 16;
const MAX_PREFIX = 28;
/**
 * Addresses each subnet keeps for workloads besides the endpoint interfaces: AgentCore runtime
 * and Lambda (Hyperplane) interfaces, the Aurora writer, and a second set while a deploy
 * replaces them. AWS reserves 5 addresses of every subnet.
 */
const WORKLOAD_ADDRESS_HEADROOM = 10;
const AWS_RESERVED_ADDRESSES = 5;
const usableAddresses = (prefix: number) => 2 ** (32 - prefix) - AWS_RESERVED_ADDRESSES;
const neededAddresses = (endpoints: number) => endpoints + WORKLOAD_ADDRESS_HEADROOM;
function largestPrefixFor(needed: number): number {
  let prefix = MAX_PREFIX;
  while (usableAddresses(prefix) < needed) prefix--;
  return prefix;
}

const REGION_SHAPE = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/**
 * Rules that span fields, run after the schema has filled in defaults. Each returns every
 * problem it finds rather than stopping at the first one.
 */
export function validateConfig(config: Config): ConfigError[] {
  return [
    ...validateRegion(config),
    ...validateNetwork(config),
    ...validateBackend(config),
    ...validateData(config),
    ...validateApp(config),
  ];
}

function validateRegion(config: Config): ConfigError[] {
  if (config.region in SUPPORTED_REGIONS) return [];
  return [
    new ConfigError(
      "CFG_REGION_UNSUPPORTED",
      "region",
      config.region,
      `must be a region where Bedrock AgentCore is offered: ${Object.keys(SUPPORTED_REGIONS).join(", ")}`,
    ),
  ];
}

function validateNetwork(config: Config): ConfigError[] {
  const { network } = config;
  const errors: ConfigError[] = [];

  const vpc = parseIpv4Block(network.vpcCidr);
  if (typeof vpc === "string") {
    errors.push(new ConfigError("CFG_CIDR_MALFORMED", "network.vpcCidr", network.vpcCidr, vpc));
  } else if (vpc.prefix < MIN_PREFIX || vpc.prefix > MAX_PREFIX) {
    errors.push(
      new ConfigError(
        "CFG_CIDR_SIZE",
        "network.vpcCidr",
        network.vpcCidr,
        `AWS accepts VPC prefixes /${MIN_PREFIX} to /${MAX_PREFIX}`,
      ),
    );
  } else if (!isPrivate(vpc)) {
    errors.push(
      new ConfigError(
        "CFG_CIDR_NOT_PRIVATE",
        "network.vpcCidr",
        network.vpcCidr,
        "must be RFC 1918 private space (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16)",
      ),
    );
  }

  const parsed: { block: Ipv4Block; index: number }[] = [];
  const seenNames = new Map<string, number>();
  const seenAzs = new Map<string, number>();

  network.subnets.forEach((subnet, index) => {
    const at = `network.subnets[${index}]`;
    const block = parseIpv4Block(subnet.cidr);
    if (typeof block === "string") {
      errors.push(new ConfigError("CFG_CIDR_MALFORMED", `${at}.cidr`, subnet.cidr, block));
    } else if (block.prefix < MIN_PREFIX || block.prefix > MAX_PREFIX) {
      errors.push(
        new ConfigError(
          "CFG_CIDR_SIZE",
          `${at}.cidr`,
          subnet.cidr,
          `AWS accepts subnet prefixes /${MIN_PREFIX} to /${MAX_PREFIX}`,
        ),
      );
    } else if (usableAddresses(block.prefix) < neededAddresses(network.interfaceEndpoints.length)) {
      errors.push(
        new ConfigError(
          "CFG_SUBNET_TOO_SMALL",
          `${at}.cidr`,
          subnet.cidr,
          `has ${usableAddresses(block.prefix)} usable addresses but needs ` +
            `${neededAddresses(network.interfaceEndpoints.length)}: one per interface endpoint ` +
            `plus ${WORKLOAD_ADDRESS_HEADROOM} for runtime, Lambda and Aurora interfaces; ` +
            `use /${largestPrefixFor(neededAddresses(network.interfaceEndpoints.length))} or larger`,
        ),
      );
    } else if (typeof vpc !== "string" && !contains(vpc, block)) {
      errors.push(
        new ConfigError(
          "CFG_SUBNET_OUTSIDE_VPC",
          `${at}.cidr`,
          subnet.cidr,
          `must lie inside network.vpcCidr ${network.vpcCidr}`,
        ),
      );
    } else {
      for (const other of parsed) {
        if (overlaps(other.block, block)) {
          errors.push(
            new ConfigError(
              "CFG_SUBNET_OVERLAP",
              `${at}.cidr`,
              subnet.cidr,
              `must not overlap network.subnets[${other.index}].cidr ${other.block.text}`,
            ),
          );
        }
      }
      parsed.push({ block, index });
    }

    errors.push(...validateZone(config.region, subnet.azId, `${at}.azId`));
    const azTwin = seenAzs.get(subnet.azId);
    if (azTwin !== undefined) {
      errors.push(
        new ConfigError(
          "CFG_AZ_DUPLICATE",
          `${at}.azId`,
          subnet.azId,
          `each role needs its own AZ (multi-AZ placement, and the DB subnet group needs two); ` +
            `network.subnets[${azTwin}] is already in ${subnet.azId}`,
        ),
      );
    }
    seenAzs.set(subnet.azId, index);
    const nameTwin = seenNames.get(subnet.name);
    if (nameTwin !== undefined) {
      errors.push(
        new ConfigError(
          "CFG_SUBNET_NAME_DUPLICATE",
          `${at}.name`,
          subnet.name,
          `subnet names become Terraform addresses and must be unique; network.subnets[${nameTwin}] has it`,
        ),
      );
    }
    seenNames.set(subnet.name, index);
  });

  for (const role of SUBNET_ROLES) {
    const count = network.subnets.filter((subnet) => subnet.role === role).length;
    if (count !== 1) {
      errors.push(
        new ConfigError(
          "CFG_SUBNET_ROLE_COUNT",
          "network.subnets",
          network.subnets.map((subnet) => subnet.role),
          `needs exactly one subnet with role "${role}", found ${count}`,
        ),
      );
    }
  }

  errors.push(...validateEndpoints(network.interfaceEndpoints));
  return errors;
}

/**
 * A subnet's AZ ID must be one of the region's, and one where AgentCore takes subnets. That
 * holds for every subnet, not only the runtimes': which subnet a runtime uses is a config
 * choice, and all three share the interface endpoints.
 */
function validateZone(region: string, azId: string, field: string): ConfigError[] {
  const zones = agentcoreZoneIds(region);
  if (zones.includes(azId)) return [];
  if (zones.length === 0) {
    return [
      new ConfigError(
        "CFG_AZ_NOT_IN_REGION",
        field,
        azId,
        "cannot be checked until region is valid",
      ),
    ];
  }
  if (!isZoneIdOf(region, azId)) {
    return [
      new ConfigError(
        "CFG_AZ_NOT_IN_REGION",
        field,
        azId,
        `must be an AZ ID of ${region} (not a name like ${region}a): ${zones.join(", ")}`,
      ),
    ];
  }
  return [
    new ConfigError(
      "CFG_AZ_AGENTCORE_UNSUPPORTED",
      field,
      azId,
      `AgentCore Runtime takes subnets in ${region} only in ${zones.join(", ")} ` +
        "(AgentCore developer guide, Supported Availability Zones); creation fails elsewhere",
    ),
  ];
}

function validateEndpoints(services: readonly string[]): ConfigError[] {
  const errors: ConfigError[] = [];
  const known = Object.keys(INTERFACE_ENDPOINT_CATALOGUE);
  if (services.length === 0) {
    errors.push(
      new ConfigError(
        "CFG_ENDPOINTS_EMPTY",
        "network.interfaceEndpoints",
        services,
        `a VPC without internet needs interface endpoints; choose from ${known.join(", ")}`,
      ),
    );
  }
  const seen = new Set<string>();
  services.forEach((service, index) => {
    const at = `network.interfaceEndpoints[${index}]`;
    if (service.trim() === "") {
      errors.push(
        new ConfigError("CFG_ENDPOINT_EMPTY", at, service, `name a service: ${known.join(", ")}`),
      );
    } else if (!(service in INTERFACE_ENDPOINT_CATALOGUE)) {
      errors.push(
        new ConfigError(
          "CFG_ENDPOINT_UNKNOWN",
          at,
          service,
          `must be one of the catalogued services: ${known.join(", ")}`,
        ),
      );
    }
    if (seen.has(service)) {
      errors.push(
        new ConfigError(
          "CFG_ENDPOINT_DUPLICATE",
          at,
          service,
          "each service may be listed once (a second endpoint would clash on private DNS)",
        ),
      );
    }
    seen.add(service);
  });
  return errors;
}

function validateBackend(config: Config): ConfigError[] {
  if (REGION_SHAPE.test(config.backend.region)) return [];
  return [
    new ConfigError(
      "CFG_BACKEND_REGION",
      "backend.region",
      config.backend.region,
      "must be an AWS region name such as us-west-2",
    ),
  ];
}
