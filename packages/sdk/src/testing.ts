/**
 * # @wfc/sdk/testing
 *
 * Helpers for users' snapshot tests: compile workflow objects and print them the way `wfc build`
 * does, so a test can compare the YAML with a stored snapshot (like cdk8s's `Testing.synth()`).
 * Running workflows locally is `@wfc/runner`'s job.
 *
 * @example
 * ```ts
 * import { expect, it } from "vitest";
 * import { synth } from "@wfc/sdk/testing";
 * import pipeline from "./pipeline.js";
 *
 * it("builds the pipeline", () => expect(synth(pipeline)).toMatchSnapshot());
 * ```
 *
 * @packageDocumentation
 */
import type { WorkflowObject } from "./authoring/workflow.js";
import { compileAll } from "./compile.js";
import { toYaml } from "./compiler/emit.js";
import { isManifestable, MANIFESTS, type Manifestable } from "./compiler/manifestable.js";
import type { KubernetesObject } from "./core/manifest.js";

/**
 * The manifests of workflow objects (and of other wfc objects such as event bindings, sensors),
 * in the order given. Throws the compiler's {@link CompileError} when one is invalid. Objects of
 * every kind (Argo Events ones too), so typed as {@link KubernetesObject}; `compile()` gives a
 * workflow's typed manifest.
 *
 * @example
 * ```ts
 * const kinds = synthManifests(pipeline).map((m) => m.kind);
 * expect(kinds).toEqual(["Workflow"]);
 * ```
 */
export function synthManifests(...objects: readonly (WorkflowObject | Manifestable)[]): KubernetesObject[] {
  const out: KubernetesObject[] = [];
  for (const o of objects) {
    if (isManifestable(o)) out.push(...o[MANIFESTS]());
    else out.push(...compileAll([o]));
  }
  return out;
}

/**
 * The YAML `wfc build` prints for the given objects: one document each, `---` between them.
 *
 * @example
 * ```ts
 * expect(synth(pipeline)).toMatchSnapshot();
 * ```
 */
export function synth(...objects: readonly (WorkflowObject | Manifestable)[]): string {
  return toYaml(synthManifests(...objects));
}
