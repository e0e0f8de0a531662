import { PCI } from "../controls";
import { proveReachability } from "../reachability";
import type { Rule } from "../types";

export const reachMatrix: Rule = {
  id: "REACH-002",
  severity: "error",
  title: "The synthesized flows equal the declared security-group matrix, and all take effect",
  rationale:
    "The matrix in src/network/security-group-matrix.ts is what reviewers approve; an extra, a " +
    "missing or a blocked flow means the JSON and the review disagree.",
  fix: "Change declaredMatrix() (with review) or remove the extra rule; add the missing route.",
  controls: [PCI.nscConfig, PCI.changeControl],
  check: (stacks, context) => proveReachability(stacks, context.config).mismatches,
};
