/**
 * Reading synthesized Terraform JSON: iterate resources, normalise nested blocks, follow
 * references (within a stack and across stacks through `terraform_remote_state`). The rules
 * and the reachability proof see the JSON only through these helpers.
 */
import type { Stacks } from "./types";

export type Block = Record<string, unknown>;

/** One resource or data source, where it lives and its Terraform address. */
export interface Located {
  readonly stack: string;
  readonly type: string;
  readonly name: string;
  readonly block: Block;
  /** `<stack>/<type>.<name>` (data sources: `<stack>/data.<type>.<name>`). */
  readonly address: string;
}

/** Every resource of `type` in every stack, in stack then name order. */
export function resourcesOfType(stacks: Stacks, type: string): Located[] {
  return Object.entries(stacks).flatMap(([stack, json]) =>
    Object.entries(json.resource?.[type] ?? {}).map(([name, block]) => ({
      stack,
      type,
      name,
      block,
      address: `${stack}/${type}.${name}`,
    })),
  );
}

/** Every resource of any type, in stack then type then name order. */
export function allResources(stacks: Stacks): Located[] {
  return Object.entries(stacks).flatMap(([stack, json]) =>
    Object.entries(json.resource ?? {}).flatMap(([type, byName]) =>
      Object.entries(byName).map(([name, block]) => ({
        stack,
        type,
        name,
        block,
        address: `${stack}/${type}.${name}`,
      })),
    ),
  );
}

/**
 * A nested block as a list. cdktf renders single-object blocks (`tracing_config`) as objects
 * and list blocks (`network_configuration`) as arrays; the rules do not care which.
 */
export function blocks(value: unknown): Block[] {
  if (Array.isArray(value)) return value.filter(isBlock);
  return isBlock(value) ? [value] : [];
}

/** The first nested block of `key`, or an empty object. */
export function first(block: Block, key: string): Block {
  return blocks(block[key])[0] ?? {};
}

/** A list attribute as strings; a single token standing for a whole list gives `[token]`. */
export function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item) => typeof item === "string");
  return typeof value === "string" ? [value] : [];
}

export function isBlock(value: unknown): value is Block {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A value Terraform computes (contains an interpolation). */
export function isToken(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

/** A reference parsed out of `${type.name.attr}`, `${data.type.name.attr...}`. */
export interface Reference {
  readonly data: boolean;
  readonly type: string;
  readonly name: string;
  /** The attribute path after the name, e.g. `id` or `outputs.subnet_ids`. */
  readonly attribute: string;
}

const REFERENCE = /^\$\{(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)\}$/;

/** Parses a string that is exactly one reference; anything else gives undefined. */
export function parseReference(value: unknown): Reference | undefined {
  const match = typeof value === "string" ? REFERENCE.exec(value) : null;
  if (!match) return undefined;
  const [, data, type, name, attribute] = match;
  return { data: data !== undefined, type, name, attribute };
}

/**
 * Follows a reference to the block it names. A `terraform_remote_state` output is followed to
 * the stack that declares that output, so a data-tier subnet group resolves to the network
 * tier's subnets. Returns undefined for anything that cannot be followed (a literal id, an
 * expression, a reference into another Terraform configuration).
 */
export function resolve(stacks: Stacks, stack: string, value: unknown): Located | undefined {
  const reference = parseReference(value);
  if (!reference) return undefined;
  if (reference.data && reference.type === "terraform_remote_state") {
    const output = /^outputs\.([A-Za-z0-9_-]+)$/.exec(reference.attribute)?.[1];
    if (output === undefined) return undefined;
    for (const [other, json] of Object.entries(stacks)) {
      const declared = json.output?.[output];
      if (other !== stack && declared !== undefined) return resolve(stacks, other, declared.value);
    }
    return undefined;
  }
  const json = stacks[stack];
  const block = (reference.data ? json?.data : json?.resource)?.[reference.type]?.[reference.name];
  if (!block) return undefined;
  const prefix = reference.data ? "data." : "";
  return {
    stack,
    type: reference.type,
    name: reference.name,
    block,
    address: `${stack}/${prefix}${reference.type}.${reference.name}`,
  };
}

/** Does `value` refer to the resource `target` (any attribute of it)? */
export function refersTo(stacks: Stacks, stack: string, value: unknown, target: Located): boolean {
  const found = resolve(stacks, stack, value);
  return found !== undefined && found.address === target.address;
}

/** An IAM policy-document statement, as the data source renders it. */
export interface Statement {
  readonly sid?: string;
  readonly effect?: string;
  readonly actions?: string[];
  readonly not_actions?: string[];
  readonly resources?: string[];
  readonly not_resources?: string[];
  readonly principals?: { type: string; identifiers: string[] }[];
  readonly condition?: { test: string; variable: string; values: string[] }[];
}

/** The statements of an `aws_iam_policy_document` data source. */
export function statementsOf(document: Block): Statement[] {
  return blocks(document.statement) as Statement[];
}

/** Resolves a `policy`-like attribute to its policy-document data source, if it is one. */
export function policyDocumentOf(
  stacks: Stacks,
  stack: string,
  value: unknown,
): Located | undefined {
  const found = resolve(stacks, stack, value);
  return found?.type === "aws_iam_policy_document" ? found : undefined;
}

/** Every `aws_iam_policy_document` data source in every stack. */
export function policyDocuments(stacks: Stacks): Located[] {
  return Object.entries(stacks).flatMap(([stack, json]) =>
    Object.entries(json.data?.aws_iam_policy_document ?? {}).map(([name, block]) => ({
      stack,
      type: "aws_iam_policy_document",
      name,
      block,
      address: `${stack}/data.aws_iam_policy_document.${name}`,
    })),
  );
}

/**
 * One finding per resource of `type` that `violates` the rule; `message` may depend on the
 * resource. The common shape of a single-resource rule.
 */
export function flagResources(
  stacks: Stacks,
  type: string,
  violates: (resource: Located) => boolean,
  message: string | ((resource: Located) => string),
): { address: string; message: string }[] {
  return resourcesOfType(stacks, type)
    .filter(violates)
    .map((resource) => ({
      address: resource.address,
      message: typeof message === "string" ? message : message(resource),
    }));
}

/** Where a subnet block is placed, as written in its configuration. */
export interface SubnetZone {
  /** `id`: the same physical zone in every account; `name`: a per-account alias of one. */
  readonly kind: "id" | "name";
  readonly value: string;
}

/**
 * The zone a subnet is pinned to: its `availability_zone_id`, else its `availability_zone`.
 * Undefined when neither is a literal (unset, or a token known only at apply).
 */
export function subnetZone(subnet: Block): SubnetZone | undefined {
  const literal = (value: unknown) => typeof value === "string" && !isToken(value);
  if (literal(subnet.availability_zone_id)) {
    return { kind: "id", value: subnet.availability_zone_id as string };
  }
  if (literal(subnet.availability_zone)) {
    return { kind: "name", value: subnet.availability_zone as string };
  }
  return undefined;
}
