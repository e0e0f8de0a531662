import type { Config } from "../../config";
import type { EndpointPricing } from "../pricing";
import type { StackSet } from "./terraform-json";

/** What every report section gets: the synthesized JSON of one environment. */
export interface ReportContext {
  /** The environment's validated config (the policy sections need its suppressions and matrix). */
  readonly config: Config;
  readonly environment: string;
  readonly region: string;
  readonly stacks: StackSet;
  /** Rates for the cost section; undefined when the region has none (the section says so). */
  readonly pricing: EndpointPricing | undefined;
}

/** A section's Markdown, and any files it writes next to the report (name → content). */
export interface SectionOutput {
  readonly markdown: string;
  readonly files?: Readonly<Record<string, string>>;
}

/**
 * One part of the report. The report is the list {@link REPORT_SECTIONS} in order, so a new
 * section (policy findings and suppressions, a reachability proof) is one object added there.
 */
export interface ReportSection {
  /** Anchor and file-name stem, kebab-case. */
  readonly id: string;
  readonly title: string;
  render(context: ReportContext): SectionOutput | Promise<SectionOutput>;
}

/** A Markdown table; cells have their pipes escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]) {
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}
