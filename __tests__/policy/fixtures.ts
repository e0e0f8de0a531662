/**
 * Hand-written Terraform JSON in the shape @cdktf/provider-aws 21 synthesizes (attribute names
 * checked against each resource's toTerraform in node_modules/@cdktf/provider-aws/lib). Used for
 * resources the data and app tiers have not built yet.
 */
import { parseConfig } from "../../src/config";
import type { PolicyContext, Stacks } from "../../src/policy/types";
import type { TerraformJson } from "../../src/synth/pipeline";

export type Block = Record<string, unknown>;
export type Resources = Record<string, Record<string, Block>>;

/** The stack every fixture lives in. */
export const STACK = "app-test";

export const context: PolicyContext = { config: parseConfig({}) };

/** One stack holding `resource`, `data` and optionally a `terraform` block. */
export function stacksOf(resource: Resources, data: Resources = {}, terraform?: Block): Stacks {
  const json: TerraformJson = { resource, data };
  if (terraform) json.terraform = terraform;
  return { [STACK]: json };
}

/** A policy document data source with the given statements. */
export function document(...statement: Block[]): Block {
  return { statement };
}

export const ref = (type: string, name: string, attribute = "id") =>
  `\${${type}.${name}.${attribute}}`;
export const dataRef = (type: string, name: string, attribute = "json") =>
  `\${data.${type}.${name}.${attribute}}`;
