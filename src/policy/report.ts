import type { PolicyResult } from "./engine";
import { POLICY_PACK } from "./packs";
import type { Rule } from "./types";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The rule catalogue as a Markdown table (id, severity, what, controls). */
export function renderRulesMarkdown(rules: readonly Rule[] = POLICY_PACK): string {
  const lines = [
    "| rule | severity | checks | why | controls |",
    "| --- | --- | --- | --- | --- |",
    ...rules.map(
      (rule) =>
        `| ${rule.id} | ${rule.severity} | ${cell(rule.title)} | ${cell(rule.rationale)} | ${cell(rule.controls.join("; "))} |`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}

/** Findings and suppressions of one synth, as Markdown for the report. */
export function renderPolicyMarkdown(result: PolicyResult): string {
  const lines = [
    `${result.rulesRun} rules run; ${result.findings.length} finding(s) standing, ` +
      `${result.suppressed.length} suppressed.`,
    "",
  ];
  if (result.findings.length > 0) {
    lines.push("| severity | rule | address | finding | fix |", "| --- | --- | --- | --- | --- |");
    for (const f of result.findings) {
      lines.push(
        `| ${f.severity} | ${f.rule} | \`${f.address}\` | ${cell(f.message)} | ${cell(f.fix)} |`,
      );
    }
    lines.push("");
  }
  lines.push("**Suppressions** (accepted findings, each with its reason):", "");
  if (result.suppressed.length === 0) {
    lines.push("None.");
  } else {
    lines.push("| rule | address | finding | reason |", "| --- | --- | --- | --- |");
    for (const s of result.suppressed) {
      lines.push(`| ${s.rule} | \`${s.address}\` | ${cell(s.message)} | ${cell(s.reason)} |`);
    }
  }
  return `${lines.join("\n")}\n`;
}
