/**
 * Regions this project may deploy to, with the availability-zone letters each one has.
 *
 * The list is the set of commercial regions where Bedrock AgentCore Runtime and Gateway are
 * offered (AWS "AgentCore supported Regions" page, read 2026-12). A region outside it would
 * synthesize but fail at apply, so it is refused here instead. Add a region only after checking
 * that every interface endpoint in the endpoint catalogue exists there.
 */
export const SUPPORTED_REGIONS: Readonly<Record<string, readonly string[]>> = {
  "us-east-1": ["a", "b", "c", "d", "e", "f"],
  "us-east-2": ["a", "b", "c"],
  "us-west-2": ["a", "b", "c", "d"],
  "ap-south-1": ["a", "b", "c"],
  "ap-southeast-1": ["a", "b", "c"],
  "ap-southeast-2": ["a", "b", "c"],
  "ap-northeast-1": ["a", "c", "d"],
  "eu-central-1": ["a", "b", "c"],
  "eu-west-1": ["a", "b", "c"],
};

/** The availability-zone names of a supported region, e.g. `us-west-2a`. */
export function zonesOf(region: string): readonly string[] {
  return (SUPPORTED_REGIONS[region] ?? []).map((letter) => `${region}${letter}`);
}
