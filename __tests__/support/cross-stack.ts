import type { TerraformJson } from "../../src/synth/pipeline";
import { follow } from "./synth";

/** Where a cross-stack reference leads: the stack, the block and the attribute it reads. */
export interface ResolvedReference {
  /** Name of the stack that owns the referenced resource, e.g. `network-default`. */
  readonly stack: string;
  /** `aws_subnet`, or `data.aws_partition` for a data source. */
  readonly type: string;
  readonly name: string;
  readonly attribute: string;
  readonly block: Record<string, unknown>;
}

const REMOTE = /^\$\{data\.terraform_remote_state\.([a-z0-9_]+)\.outputs\.([a-z0-9_]+)\}$/;
const LOCAL = /^\$\{(data\.)?([a-z0-9_]+)\.([a-z0-9_]+)\.([a-z0-9_]+)\}$/;

/**
 * Resolves a reference as synthesized in `stackName` to the block it finally names, following a
 * cdktf cross-stack reference (`data.terraform_remote_state.<x>.outputs.<y>`) into the stack
 * whose backend state key the remote state reads, then that stack's output to its resource.
 * A plain local reference resolves in `stackName` itself. Throws on anything dangling, so a
 * broken wire fails the test that follows it.
 */
export function resolveReference(
  stacks: Readonly<Record<string, TerraformJson>>,
  stackName: string,
  reference: unknown,
): ResolvedReference {
  const text = String(reference);
  const remote = REMOTE.exec(text);
  if (remote === null) {
    const local = LOCAL.exec(text);
    if (local === null) throw new Error(`not a single Terraform reference: ${text}`);
    const [, isData, type, name, attribute] = local;
    const block = follow(stacks[stackName], text);
    return { stack: stackName, type: isData ? `data.${type}` : type, name, attribute, block };
  }

  const [, lookup, output] = remote;
  const state = stacks[stackName].data?.terraform_remote_state?.[lookup];
  if (!state) throw new Error(`${stackName} has no remote state ${lookup}`);
  const key = (state.config as { key?: string }).key;
  const source = Object.entries(stacks).find(
    ([, json]) => (json.terraform?.backend as { s3?: { key?: string } })?.s3?.key === key,
  );
  if (!source) throw new Error(`no stack writes state key ${key} (read by ${stackName}.${lookup})`);
  const [sourceName, sourceJson] = source;
  const value = sourceJson.output?.[output]?.value;
  if (value === undefined) throw new Error(`${sourceName} has no output ${output}`);
  return resolveReference(stacks, sourceName, value);
}

/**
 * Where a reference leads, as one comparable string: `<stack>/<type>.<name>.<attribute>`, e.g.
 * `registry-default/aws_ecr_repository.images_agent.arn` (see {@link resolveReference}).
 */
export function resolvedAddress(
  stacks: Readonly<Record<string, TerraformJson>>,
  stackName: string,
  reference: unknown,
): string {
  const { stack, type, name, attribute } = resolveReference(stacks, stackName, reference);
  return `${stack}/${type}.${name}.${attribute}`;
}
