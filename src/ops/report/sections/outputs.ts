import { markdownTable, type ReportSection } from "../section";
import type { StackSet } from "../terraform-json";

export interface OutputRow {
  readonly stack: string;
  readonly name: string;
  readonly description: string;
  readonly sensitive: boolean;
}

/**
 * Every Terraform output ops can read with `terraform output` in a stack directory, except
 * the `cross_stack_output_*` plumbing cdktf adds for other stacks' remote-state lookups.
 */
export function terraformOutputs(stacks: StackSet): OutputRow[] {
  return Object.entries(stacks.stacks).flatMap(([stack, json]) =>
    Object.entries(json.output ?? {})
      .filter(([name]) => !name.startsWith("cross_stack_output_"))
      .map(([name, block]) => ({
        stack,
        name,
        description: String(block.description ?? ""),
        sensitive: block.sensitive === true,
      })),
  );
}

export const outputsSection: ReportSection = {
  id: "outputs",
  title: "Terraform outputs",
  render({ stacks }) {
    const rows = terraformOutputs(stacks);
    return {
      markdown:
        "Read one with `terraform -chdir=cdktf.out/stacks/<stack> output <name>` (after " +
        "`init`).\n\n" +
        markdownTable(
          ["stack", "output", "what it is", "sensitive"],
          rows.map((row) => [row.stack, row.name, row.description, row.sensitive ? "yes" : "no"]),
        ),
    };
  },
};
