/** Template models and the callable template values made from them. */
import type { ZodType } from "zod";
import { BRAND, hasBrand } from "../core/brand.js";
import { AuthoringError } from "../core/errors.js";
import { callerLocation } from "../core/location.js";
import type { IOSpec, TaskModel, TemplateKind, TemplateModel } from "../core/model.js";
import { type ArtifactRef, createRef, type Ref } from "../core/ref.js";
import { callTemplate } from "./call.js";
import type { Decls } from "./decl.js";
import type { TaskOptions, Template } from "./types.js";

let nextTemplateId = 1;

/** The model behind a template value (from any copy of the SDK). */
export function templateModel(t: unknown): TemplateModel {
  if (!isTemplate(t)) throw new TypeError("not a wfc template");
  return t[BRAND.template];
}

/**
 * True when `value` is a template made by a wfc factory.
 *
 * @internal
 */
export function isTemplate(value: unknown): value is Template<never, never, never> {
  return hasBrand(value, BRAND.template);
}

/** Everything a factory knows to build a template model. */
export interface TemplateParts {
  readonly name: string;
  readonly kind: TemplateKind;
  readonly inputs: IOSpec;
  readonly outputs: IOSpec;
  readonly result: ZodType | undefined;
  readonly fields: Record<string, unknown>;
  readonly tasks?: readonly TaskModel[];
  readonly steps?: readonly (readonly TaskModel[])[];
  readonly dag?: TemplateModel["dag"];
  readonly templateRef?: TemplateModel["templateRef"];
  readonly location?: TemplateModel["location"];
}

/** Creates an (unfrozen) template model; factories freeze it after filling bodies. */
export function newTemplateModel(parts: TemplateParts): TemplateModel {
  // Types require a name; JavaScript callers (or a cast) can still omit it.
  if (typeof parts.name !== "string" || parts.name === "")
    throw new AuthoringError(
      "E_NO_NAME",
      `a ${parts.kind} template needs a name (e.g. { name: "fetch-data", ... })`,
      parts.location ?? callerLocation(newTemplateModel),
    );
  return {
    id: nextTemplateId++,
    name: parts.name,
    kind: parts.kind,
    inputs: parts.inputs,
    outputs: parts.outputs,
    result: parts.result,
    fields: parts.fields,
    tasks: parts.tasks,
    steps: parts.steps,
    dag: parts.dag,
    templateRef: parts.templateRef,
    problems: [],
    location: parts.location ?? callerLocation(newTemplateModel),
  };
}

/** Makes the callable template value for a model. */
export function makeTemplate<I, O, R>(model: TemplateModel): Template<I, O, R> {
  const fn = ((args?: Record<string, unknown>, options?: TaskOptions<Decls, unknown>) =>
    callTemplate(model, args ?? {}, options ?? {}, callerLocation(fn))) as unknown as Template<I, O, R>;
  // Plain assignments: thousands of templates are made per build, and defineProperty on
  // functions is a slow path.
  const f = fn as unknown as Record<string | symbol, unknown>;
  f[BRAND.template] = model;
  f.templateName = model.name;
  return fn;
}

/** References to a template's own inputs, for use inside its body. */
export function inputRefs(model: TemplateModel): Record<string, Ref | ArtifactRef> {
  const out: Record<string, Ref> = {};
  const ps = model.inputs.parameters;
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!;
    out[p.name] = createRef({ kind: "input", template: model, what: "parameters", name: p.name });
  }
  const as = model.inputs.artifacts;
  for (let i = 0; i < as.length; i++) {
    const a = as[i]!;
    out[a.key ?? a.name] = createRef({ kind: "input", template: model, what: "artifacts", name: a.name });
  }
  return out;
}
