/**
 * The public compile entry points: they unwrap workflow objects (authoring) and hand their models
 * to the compiler, which knows only the model.
 */

import type { Decls } from "./authoring/decl.js";
import type { WorkflowObject } from "./authoring/workflow.js";
import { compileModel } from "./compiler/compile.js";
import { BRAND, hasBrand } from "./core/brand.js";
import { CompileError, type Diagnostic } from "./core/errors.js";
import type { WorkflowKind } from "./core/kinds.js";
import type { ManifestOf } from "./core/manifest.js";
import type { WorkflowModel } from "./core/model.js";

/**
 * Compiles one workflow object to its Argo manifest, typed by its kind (`compile(workflow(...))` is a
 * `Workflow`, `compile(cronWorkflow(...))` a `CronWorkflow`). Throws a {@link CompileError} listing
 * every problem (with workflow, template, task and the file:line of the code that made it).
 *
 * @example
 * ```ts
 * const manifest = compile(myWorkflow);
 * console.log(manifest.kind, manifest.metadata.name);
 * ```
 */
export function compile<K extends WorkflowKind>(wf: WorkflowObject<Decls, K>): ManifestOf<K> {
  if (!hasBrand(wf, BRAND.workflow)) {
    throw new TypeError(
      "compile() takes a workflow object made by workflow(), workflowTemplate(), clusterWorkflowTemplate() or cronWorkflow()",
    );
  }
  const model = (wf as { [BRAND.workflow]: WorkflowModel })[BRAND.workflow];
  // The model's kind is the object's kind, so the manifest is the one of `K`.
  return compileModel(model) as ManifestOf<K>;
}

/**
 * Compiles several workflow objects; collects the problems of all of them before throwing.
 *
 * @example
 * ```ts
 * const manifests = compileAll([etl, nightly]);
 * ```
 */
export function compileAll<K extends WorkflowKind>(workflows: readonly WorkflowObject<Decls, K>[]): ManifestOf<K>[] {
  const out: ManifestOf<K>[] = [];
  const problems: Diagnostic[] = [];
  for (const wf of workflows) {
    try {
      out.push(compile(wf));
    } catch (e) {
      if (e instanceof CompileError) problems.push(...e.diagnostics);
      else throw e;
    }
  }
  if (problems.length) throw new CompileError(problems);
  return out;
}
