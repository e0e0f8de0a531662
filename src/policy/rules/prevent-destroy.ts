import { HIPAA } from "../controls";
import { isBlock, resourcesOfType } from "../terraform";
import { STATEFUL_TYPES } from "../../shared/stateful";
import type { Rule } from "../types";

export const preventDestroy: Rule = {
  id: "TF-003",
  severity: "error",
  title: "Stateful resources carry lifecycle.prevent_destroy",
  rationale:
    "A rename or a replace in a plan otherwise deletes keys, tables, logs or the database " +
    "without a second look. The types are src/shared/stateful.ts, the list the address guard reads.",
  fix: "Pass preventDestroy: config.protectStatefulResources to the construct.",
  controls: [HIPAA.integrity, HIPAA.backup],
  check: (stacks, context) =>
    // An environment that turns protection off (a throw-away one) has decided this already.
    context.config.protectStatefulResources
      ? Object.keys(STATEFUL_TYPES).flatMap((type) =>
          resourcesOfType(stacks, type)
            .filter((resource) => {
              const lifecycle = resource.block.lifecycle;
              return !isBlock(lifecycle) || lifecycle.prevent_destroy !== true;
            })
            .map((resource) => ({
              address: resource.address,
              message: "prevent_destroy is not set",
            })),
        )
      : [],
};
