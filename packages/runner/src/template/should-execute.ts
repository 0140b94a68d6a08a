/** A step's or task's `when`, from its text to the decision, as the controller does it. */

import { evaluateWhen } from "../expr/when.js";
import { type ReplaceScope, type SubstitutionError, substitute } from "./substitute.js";

/**
 * Argo's handling of `when` (dag.go / steps.go): substitute it with `tasks.*` and `steps.*` strict
 * (`ReplaceStrictAny`, so a missing dependency output is a {@link SubstitutionError} with
 * `missing`), then evaluate the result with govaluate ({@link evaluateWhen}). An empty `when` runs.
 *
 * @example
 * ```ts
 * shouldExecute("{{tasks.flip.outputs.result}} == heads", { "tasks.flip.outputs.result": "heads" }); // true
 * ```
 */
export function shouldExecute(when: string | undefined, scope: ReplaceScope, what?: string): boolean {
  if (!when) return true;
  return evaluateWhen(substitute(when, scope, { strict: ["tasks", "steps"], ...(what !== undefined && { what }) }));
}
