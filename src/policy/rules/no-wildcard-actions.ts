import { PCI } from "../controls";
import { policyDocuments, statementsOf } from "../terraform";
import type { Rule } from "../types";

export const noWildcardActions: Rule = {
  id: "IAM-001",
  severity: "error",
  title: "No Allow statement uses a wildcard action, and no statement uses NotAction",
  rationale:
    "A wildcard grants every action AWS adds later, sight unseen; NotAction grants everything " +
    "not listed. Least privilege needs the list spelled out. In a Deny the wildcard is the safe " +
    "form (it also denies what AWS adds later), so Deny statements may use it.",
  fix: "List the actions explicitly; each must exist in the IAM action catalogue.",
  controls: [PCI.leastPrivilege],
  check: (stacks) =>
    policyDocuments(stacks).flatMap((document) =>
      statementsOf(document.block).flatMap((statement) => {
        const denies = statement.effect === "Deny";
        const wild = denies ? [] : (statement.actions ?? []).filter((a) => a.includes("*"));
        const messages = wild.map((action) => `statement ${statement.sid ?? "?"} allows ${action}`);
        if (statement.not_actions !== undefined) {
          messages.push(`statement ${statement.sid ?? "?"} uses not_actions`);
        }
        return messages.map((message) => ({ address: document.address, message }));
      }),
    ),
};
