import { PCI } from "../controls";
import { policyDocuments, statementsOf } from "../terraform";
import type { Rule } from "../types";

export const noWildcardActions: Rule = {
  id: "IAM-001",
  severity: "error",
  title: "No policy statement uses a wildcard action or NotAction",
  rationale:
    "A wildcard grants every action AWS adds later, sight unseen; NotAction grants everything " +
    "not listed. Least privilege needs the list spelled out.",
  fix: "List the actions explicitly; each must exist in the IAM action catalogue.",
  controls: [PCI.leastPrivilege],
  check: (stacks) =>
    policyDocuments(stacks).flatMap((document) =>
      statementsOf(document.block).flatMap((statement) => {
        const wild = (statement.actions ?? []).filter((action) => action.includes("*"));
        const messages = wild.map((action) => `statement ${statement.sid ?? "?"} allows ${action}`);
        if (statement.not_actions !== undefined) {
          messages.push(`statement ${statement.sid ?? "?"} uses not_actions`);
        }
        return messages.map((message) => ({ address: document.address, message }));
      }),
    ),
};
