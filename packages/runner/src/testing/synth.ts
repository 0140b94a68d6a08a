import { compileAll, toYaml, type WorkflowObject } from "@wfc/sdk";

/**
 * The compiled YAML of one or more workflows, as a string that snapshots well (cdk8s's
 * `Testing.synth()`): exactly `toYaml(compileAll(workflows))` — for one workflow
 * `toYaml([compile(wf)])`, the primitive `wfc build` prints. Deterministic: the same program gives
 * the same bytes. Throws the compiler's `CompileError` (every problem, with file:line) on a bad
 * workflow.
 *
 * @example
 * ```ts
 * import { synth } from "@wfc/runner/testing";
 * import etl from "./etl.js";
 * expect(synth(etl)).toMatchSnapshot();
 * ```
 */
export function synth(...workflows: readonly WorkflowObject[]): string {
  return toYaml(compileAll(workflows));
}
