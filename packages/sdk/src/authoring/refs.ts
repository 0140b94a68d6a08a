import { AuthoringError } from "../core/errors.js";
import { workflowTemplateRef } from "../core/kinds.js";
import type { TemplateModel } from "../core/model.js";
import type { Decls, InputsOf, OutputsOf } from "./decl.js";
import { ioSpec } from "./decl.js";
import { isTemplate, makeTemplate, newTemplateModel, templateModel } from "./template-model.js";
import type { Template } from "./types.js";
import { isWorkflow, type WorkflowObject, workflowModel } from "./workflow.js";

/**
 * A WorkflowTemplate or ClusterWorkflowTemplate given by value (a workflow object of this
 * program) or by name (one that lives only in the cluster).
 *
 * @example
 * ```ts
 * const lib: TemplateSource = { name: "shared-steps", clusterScope: true };
 * ```
 */
export type TemplateSource = WorkflowObject | { readonly name: string; readonly clusterScope?: boolean };

function sourceOf(src: TemplateSource): { name: string; clusterScope: boolean; explicit?: false } {
  if (isWorkflow(src)) {
    const m = workflowModel(src);
    const ref = workflowTemplateRef(m.kind, String(m.metadata.name));
    if (!ref)
      throw new AuthoringError(
        "E_NOT_A_TEMPLATE",
        `templateRef needs a WorkflowTemplate or ClusterWorkflowTemplate, not a ${m.kind}`,
        m.location,
      );
    return { name: ref.name, clusterScope: ref.clusterScope === true };
  }
  // An explicit `clusterScope: false` is written as given (Argo reads it as no field).
  return src.clusterScope === false
    ? { name: src.name, clusterScope: false, explicit: false }
    : { name: src.name, clusterScope: src.clusterScope === true };
}

/**
 * A template of a WorkflowTemplate (or ClusterWorkflowTemplate), callable like a local template.
 * A call lowers to a task with `templateRef: { name, template[, clusterScope] }`; the template is
 * not copied into the calling workflow. Given the template value, its inputs and outputs are typed
 * as the template's; given a name, declare them with `io`.
 *
 * @example
 * ```ts
 * const lib = workflowTemplate({ name: "lib", templates: [printMessage] });
 * const remotePrint = templateRef(lib, printMessage);               // typed like printMessage
 * const other = templateRef({ name: "cluster-lib", clusterScope: true }, "say", { inputs: { msg: z.string() } });
 * workflow({ generateName: "use-" }, () => { remotePrint({ message: "hi" }); other({ msg: "x" }); });
 * ```
 */
export function templateRef<I, O, R>(source: TemplateSource, template: Template<I, O, R>): Template<I, O, R>;
export function templateRef<const I extends Decls = {}, const O extends Decls = {}>(
  source: TemplateSource,
  template: string,
  io?: { readonly inputs?: I; readonly outputs?: O; readonly kind?: TemplateModel["kind"] },
): Template<InputsOf<I>, OutputsOf<O>, string>;
export function templateRef(
  source: TemplateSource,
  template: unknown,
  io?: { inputs?: Decls; outputs?: Decls; kind?: TemplateModel["kind"] },
): unknown {
  const src = sourceOf(source);
  let target: TemplateModel | undefined;
  if (isTemplate(template)) target = templateModel(template);
  const name = target ? target.name : String(template);
  const ref: { name: string; template: string; clusterScope?: boolean } = { name: src.name, template: name };
  if (src.clusterScope) ref.clusterScope = true;
  else if (src.explicit === false) ref.clusterScope = false;
  const parts = target
    ? { inputs: target.inputs, outputs: target.outputs, result: target.result }
    : { inputs: ioSpec(io?.inputs, "input"), outputs: ioSpec(io?.outputs, "output"), result: undefined };
  const model = newTemplateModel({
    name: `${src.name}/${name}`,
    kind: "external",
    ...parts,
    fields: {},
    templateRef: Object.freeze(ref),
  });
  return makeTemplate(Object.freeze(model));
}

/**
 * Marks a template to be written inline, inside the task that calls it (`inline:` of a DAG task or
 * step) instead of in `spec.templates`. The task is named after the template unless named.
 *
 * @example
 * ```ts
 * const a = inline(container({ name: "a" }, { image: "argoproj/argosay:v2" }));
 * workflow({ generateName: "inline-" }, () => { a(); }); // tasks: [{ name: a, inline: { container: ... } }]
 * ```
 */
export function inline<I, O, R>(template: Template<I, O, R>): Template<I, O, R> {
  const m = templateModel(template);
  const model = newTemplateModel({ ...m, fields: m.fields as Record<string, unknown> });
  (model as { inline?: boolean }).inline = true;
  (model as { problems: unknown }).problems = m.problems;
  return makeTemplate(Object.freeze(model));
}
