import { parseConfig, type ConfigInput } from "../../src/config";
import { render, type TerraformJson } from "../../src/synth/pipeline";

/** Synthesizes an environment in memory (nothing is written) and returns each stack's JSON. */
export function synthStacks(input: ConfigInput = {}): Record<string, TerraformJson> {
  return { ...render(parseConfig(input)).stacks };
}

/** The resources of one type in a stack, by Terraform name; `{}` when there are none. */
export function resourcesOf(
  stack: TerraformJson,
  type: string,
): Record<string, Record<string, unknown>> {
  return stack.resource?.[type] ?? {};
}

/** The data sources of one type in a stack, by name. */
export function dataOf(
  stack: TerraformJson,
  type: string,
): Record<string, Record<string, unknown>> {
  return stack.data?.[type] ?? {};
}

/**
 * Follows a `${type.name.attr}` or `${data.type.name.attr}` reference to the block it names.
 * Throws when the reference does not resolve, so a dangling reference fails the test.
 */
export function follow(stack: TerraformJson, reference: unknown): Record<string, unknown> {
  const match = /^\$\{(data\.)?([a-z0-9_]+)\.([a-z0-9_]+)\.[a-z0-9_]+\}$/.exec(String(reference));
  if (!match) throw new Error(`not a single Terraform reference: ${String(reference)}`);
  const [, isData, type, name] = match;
  const block = (isData ? stack.data : stack.resource)?.[type]?.[name];
  if (!block) throw new Error(`reference ${String(reference)} names nothing in this stack`);
  return block;
}

/** `aws_vpc.network_vpc` → `${aws_vpc.network_vpc.id}` etc. */
export function ref(type: string, name: string, attribute = "id"): string {
  return `\${${type}.${name}.${attribute}}`;
}

/** Every resource of every type as [type, name, block] triples. */
export function allResources(stack: TerraformJson): [string, string, Record<string, unknown>][] {
  return Object.entries(stack.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(
      ([name, block]) => [type, name, block] as [string, string, Record<string, unknown>],
    ),
  );
}

/**
 * Like {@link follow}, but also across stacks: a
 * `${data.terraform_remote_state.<x>.outputs.<output>}` reference is traced to the stack that
 * declares `<output>` and followed there. Returns the block and the stack holding it.
 */
export function followAcross(
  stacks: Record<string, TerraformJson>,
  stack: TerraformJson,
  reference: unknown,
): { block: Record<string, unknown>; stack: TerraformJson } {
  const remote = /^\$\{data\.terraform_remote_state\.[a-z0-9_]+\.outputs\.([a-z0-9_]+)\}$/.exec(
    String(reference),
  );
  if (!remote) return { block: follow(stack, reference), stack };
  const origin = Object.values(stacks).find((candidate) => candidate.output?.[remote[1]]);
  if (!origin) throw new Error(`no stack declares output ${remote[1]}`);
  return { block: follow(origin, origin.output?.[remote[1]].value), stack: origin };
}
