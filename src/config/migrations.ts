import type { z } from "zod";
import { ConfigError } from "./errors";
import { agentcoreZoneIds } from "./regions";
import { configSchema } from "./schema";

/**
 * Settings that were replaced, recognised in the raw input so that an old config file gets one
 * error saying what to write instead, rather than "unknown key" plus "missing field".
 *
 * `network.subnets[].az` (an AZ name) became `azId` (an AZ ID). There is no automatic
 * translation: which ID a name stands for differs from account to account, which is the reason
 * for the change.
 */
const RETIRED_KEY = "az";
const REPLACEMENT_KEY = "azId";

type Path = readonly PropertyKey[];

/** `network.subnets[<n>]`, the object that held the retired key. */
function isSubnetPath(path: Path): boolean {
  return (
    path.length === 3 &&
    path[0] === "network" &&
    path[1] === "subnets" &&
    typeof path[2] === "number"
  );
}

function subnetAt(input: unknown, path: Path): Record<string, unknown> | undefined {
  const subnets = (input as { network?: { subnets?: unknown } } | null)?.network?.subnets;
  const subnet = Array.isArray(subnets) ? subnets[path[2] as number] : undefined;
  return subnet !== null && typeof subnet === "object"
    ? (subnet as Record<string, unknown>)
    : undefined;
}

/**
 * The migration error for `key` found unrecognised at `path`, or undefined when it is not a
 * retired setting (the caller reports it as an unknown key).
 */
export function retiredKeyError(path: Path, key: string, input: unknown): ConfigError | undefined {
  if (key !== RETIRED_KEY || !isSubnetPath(path)) return undefined;
  const region = configSchema.shape.region.safeParse((input as { region?: unknown }).region);
  const ids = region.success ? agentcoreZoneIds(region.data) : [];
  const where = region.success ? region.data : "<region>";
  return new ConfigError(
    "CFG_AZ_NAME_NOT_ID",
    `network.subnets[${String(path[2])}].${RETIRED_KEY}`,
    subnetAt(input, path)?.[RETIRED_KEY],
    `subnets are pinned by AZ ID: replace "${RETIRED_KEY}" with "${REPLACEMENT_KEY}". AZ names ` +
      "are per-account aliases of physical zones, and AgentCore Runtime accepts subnets only " +
      `in the zones it lists by ID${ids.length > 0 ? ` (${where}: ${ids.join(", ")})` : ""}; ` +
      `\`aws ec2 describe-availability-zones --region ${where}\` lists the ID behind each ` +
      "name in the target account",
  );
}

/**
 * A schema issue that the migration error already explains: `azId` missing from a subnet
 * that still has `az`.
 */
export function explainedByRetiredKey(issue: z.core.$ZodIssue, input: unknown): boolean {
  const parent = issue.path.slice(0, -1);
  return (
    issue.code === "invalid_type" &&
    issue.path.at(-1) === REPLACEMENT_KEY &&
    isSubnetPath(parent) &&
    subnetAt(input, parent)?.[REPLACEMENT_KEY] === undefined &&
    subnetAt(input, parent)?.[RETIRED_KEY] !== undefined
  );
}
