import type { TerraformJson } from "../../src/synth/pipeline";
import { synthStacks } from "./synth";

/** All stacks of one synthesis plus the app and network stacks picked out by tier. */
export function synthApp(input = {}) {
  const stacks = synthStacks(input);
  const named = (tier: string): [string, TerraformJson] => {
    const entry = Object.entries(stacks).find(([name]) => name.startsWith(`${tier}-`));
    if (!entry) throw new Error(`no ${tier} stack synthesized`);
    return entry;
  };
  const [appName, app] = named("app");
  const [networkName, network] = named("network");
  return { stacks, app, appName, network, networkName };
}

/** The statements of an `aws_iam_policy_document` data source. */
export interface Statement {
  sid: string;
  effect: string;
  actions: string[];
  resources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  condition?: { test: string; variable: string; values: string[] }[];
}

/** Statements of the policy document a `${data.aws_iam_policy_document.x.json}` names. */
export function statementsOf(stack: TerraformJson, reference: unknown): Statement[] {
  const match = /^\$\{data\.aws_iam_policy_document\.([a-z0-9_]+)\.json\}$/.exec(String(reference));
  if (!match) throw new Error(`not a policy document reference: ${String(reference)}`);
  const document = stack.data?.aws_iam_policy_document?.[match[1]];
  if (!document) throw new Error(`no policy document ${match[1]}`);
  return document.statement as Statement[];
}
