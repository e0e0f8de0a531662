import type { TerraformJson } from "../../synth/pipeline";

/** A resource block and where it lives. */
export interface Located {
  readonly stack: string;
  readonly type: string;
  readonly name: string;
  readonly block: Record<string, unknown>;
}

/** What a `${...}` reference points at, once followed across stacks. */
export interface Target extends Located {
  readonly attribute: string;
}

const RESOURCE_REF = /^\$\{([a-z0-9_]+)\.([a-z0-9_]+)\.([a-z0-9_]+)\}$/;
const REMOTE_REF =
  /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_([a-z0-9_]+)\.outputs\.([a-z0-9_]+)\}$/;

/**
 * The synthesized stacks of one environment, read as plain JSON: the report never looks at
 * code constants, only at what Terraform would receive.
 */
export class StackSet {
  constructor(readonly stacks: Readonly<Record<string, TerraformJson>>) {}

  /** Every resource of `type` in every stack, in stack then name order. */
  resources(type: string): Located[] {
    return Object.entries(this.stacks).flatMap(([stack, json]) =>
      Object.entries(json.resource?.[type] ?? {}).map(([name, block]) => ({
        stack,
        type,
        name,
        block,
      })),
    );
  }

  /**
   * Follows a reference to the resource it names. A cross-stack reference
   * (`data.terraform_remote_state.<origin>.outputs.<output>`) is followed into the origin
   * stack's output and on from there. Returns undefined for literals and anything else.
   */
  follow(stack: string, value: unknown): Target | undefined {
    const text = String(value);
    const local = RESOURCE_REF.exec(text);
    if (local) {
      const [, type, name, attribute] = local;
      const block = this.stacks[stack]?.resource?.[type]?.[name];
      return block ? { stack, type, name, attribute, block } : undefined;
    }
    const remote = REMOTE_REF.exec(text);
    if (remote) {
      const [, origin, output] = remote;
      const originStack = Object.keys(this.stacks).find(
        (candidate) => candidate.replace(/-/g, "_") === origin,
      );
      const next = originStack && this.stacks[originStack].output?.[output]?.value;
      return originStack ? this.follow(originStack, next) : undefined;
    }
    return undefined;
  }
}

/** The `Name` tag, else the `name` argument, else the Terraform name. */
export function displayName(located: Located): string {
  const tags = located.block.tags as Record<string, string> | undefined;
  return tags?.Name ?? (located.block.name as string | undefined) ?? located.name;
}

/** `com.amazonaws.us-west-2.ecr.api` → `ecr.api`. */
export function serviceSuffix(serviceName: unknown): string {
  return String(serviceName).replace(/^com\.amazonaws\.[a-z0-9-]+\./, "");
}
