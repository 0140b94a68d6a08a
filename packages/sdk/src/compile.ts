/**
 * The public compile entry points: they unwrap workflow objects (authoring) and hand their models
 * to the compiler, which knows only the model.
 */

import type { Decls } from "./authoring/decl.js";
import type { WorkflowObject } from "./authoring/workflow.js";
import { compileModel } from "./compiler/compile.js";
import { lowerToArgoVersion, placeOf } from "./compiler/target-version.js";
import { type ArgoVersion, DEFAULT_ARGO_VERSION } from "./core/argo-version.js";
import { BRAND, hasBrand } from "./core/brand.js";
import { CompileError, type Diagnostic } from "./core/errors.js";
import type { WorkflowKind } from "./core/kinds.js";
import type { ManifestOf } from "./core/manifest.js";
import type { WorkflowModel } from "./core/model.js";

/**
 * Options of {@link compile} and {@link compileAll}.
 *
 * @example
 * ```ts
 * compile(nightly, { argoVersion: "3.6" });
 * ```
 */
export interface CompileOptions {
  /**
   * The Argo version to emit for: fields are lowered to what it accepts (`schedules` -> `schedule`
   * for 3.5, ...) and features it lacks are refused with code `E_ARGO_VERSION` (see
   * docs/argo-versions.md). For versions before 4.1 the manifest's fields can differ from the
   * (4.1) type it is declared with.
   * @default "4.1"
   */
  readonly argoVersion?: ArgoVersion;
}

/**
 * Compiles one workflow object to its Argo manifest, typed by its kind (`compile(workflow(...))` is a
 * `Workflow`, `compile(cronWorkflow(...))` a `CronWorkflow`). Throws a {@link CompileError} listing
 * every problem (with workflow, template, task and the file:line of the code that made it).
 *
 * @example
 * ```ts
 * const manifest = compile(myWorkflow);
 * console.log(manifest.kind, manifest.metadata.name);
 * const forOldCluster = compile(myWorkflow, { argoVersion: "3.6" });
 * ```
 */
export function compile<K extends WorkflowKind>(
  wf: WorkflowObject<Decls, K>,
  options: CompileOptions = {},
): ManifestOf<K> {
  if (!hasBrand(wf, BRAND.workflow)) {
    throw new TypeError(
      "compile() takes a workflow object made by workflow(), workflowTemplate(), clusterWorkflowTemplate() or cronWorkflow()",
    );
  }
  const model = (wf as { [BRAND.workflow]: WorkflowModel })[BRAND.workflow];
  // The model's kind is the object's kind, so the manifest is the one of `K`.
  const manifest = compileModel(model) as ManifestOf<K>;
  const version = options.argoVersion ?? DEFAULT_ARGO_VERSION;
  if (version === DEFAULT_ARGO_VERSION) return manifest;
  const lowered = lowerToArgoVersion(manifest, version);
  if (lowered.issues.length) {
    const workflow = `${manifest.kind}/${String(manifest.metadata.name ?? manifest.metadata.generateName)}`;
    throw new CompileError(
      lowered.issues.map((i) => ({
        code: i.code ?? "E_ARGO_VERSION",
        message: `${i.path}: ${i.message}`,
        workflow,
        ...placeOf(manifest, i.path),
        ...(model.location ? { location: model.location } : {}),
      })),
    );
  }
  return lowered.manifest as ManifestOf<K>;
}

/**
 * Compiles several workflow objects; collects the problems of all of them before throwing.
 *
 * @example
 * ```ts
 * const manifests = compileAll([etl, nightly]);
 * ```
 */
export function compileAll<K extends WorkflowKind>(
  workflows: readonly WorkflowObject<Decls, K>[],
  options: CompileOptions = {},
): ManifestOf<K>[] {
  const out: ManifestOf<K>[] = [];
  const problems: Diagnostic[] = [];
  for (const wf of workflows) {
    try {
      out.push(compile(wf, options));
    } catch (e) {
      if (e instanceof CompileError) problems.push(...e.diagnostics);
      else throw e;
    }
  }
  if (problems.length) throw new CompileError(problems);
  return out;
}
