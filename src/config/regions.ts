/**
 * Regions this project may deploy to, each with the availability-zone IDs in which AgentCore
 * Runtime accepts VPC subnets.
 *
 * AZ *names* (us-west-2a) are per-account aliases: the same name can be a different physical
 * zone in another account. AZ *IDs* (usw2-az1) are the same zone in every account, and they are
 * what AgentCore documents: a runtime given a subnet outside these zones fails at creation. So
 * subnets are pinned by ID, and only to these IDs.
 *
 * Source: AgentCore developer guide, "Configure Amazon Bedrock AgentCore Runtime and tools for
 * VPC", section "Supported Availability Zones",
 * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-vpc.html#agentcore-supported-azs
 * (read 2026-12-04). Every region of the earlier list (AgentCore Runtime and Gateway regions,
 * "AgentCore supported Regions", read 2026-12) has a row there, so none was dropped. A region
 * outside this table would synthesize but fail at apply, so it is refused instead. Add a region
 * only with its documented AZ IDs, and after checking that every interface endpoint in the
 * endpoint catalogue exists there.
 */
export const SUPPORTED_REGIONS: Readonly<Record<string, readonly string[]>> = {
  "us-east-1": ["use1-az1", "use1-az2", "use1-az4"],
  "us-east-2": ["use2-az1", "use2-az2", "use2-az3"],
  "us-west-2": ["usw2-az1", "usw2-az2", "usw2-az3"],
  "ap-south-1": ["aps1-az1", "aps1-az2", "aps1-az3"],
  "ap-southeast-1": ["apse1-az1", "apse1-az2", "apse1-az3"],
  "ap-southeast-2": ["apse2-az1", "apse2-az2", "apse2-az3"],
  "ap-northeast-1": ["apne1-az1", "apne1-az2", "apne1-az4"],
  "eu-central-1": ["euc1-az1", "euc1-az2", "euc1-az3"],
  "eu-west-1": ["euw1-az1", "euw1-az2", "euw1-az3"],
};

/** An AZ ID: the region's short code, `-az`, a number (`usw2-az1`, `apse2-az3`). */
const AZ_ID = /^([a-z]+\d+)-az\d+$/;

/** The AZ IDs of a supported region where AgentCore takes subnets; empty for any other region. */
export function agentcoreZoneIds(region: string): readonly string[] {
  return SUPPORTED_REGIONS[region] ?? [];
}

/**
 * Whether `azId` is shaped like an AZ ID of `region` (same short code, e.g. `usw2` for
 * us-west-2), whether or not AgentCore supports it. The short code is read off the region's
 * documented IDs, so it is known only for supported regions.
 */
export function isZoneIdOf(region: string, azId: string): boolean {
  const own = AZ_ID.exec(agentcoreZoneIds(region)[0] ?? "")?.[1];
  return own !== undefined && AZ_ID.exec(azId)?.[1] === own;
}
