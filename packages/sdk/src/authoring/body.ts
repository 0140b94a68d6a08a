import type { ArgoDAGTemplate } from "../core/argo.js";
import { AuthoringError, type SourceLocation } from "../core/errors.js";
import { callerLocation } from "../core/location.js";
import type { ScopeModel, TaskModel, TemplateModel } from "../core/model.js";
import { type ArtifactRef, createItemRef, type Item, isRef, type Ref } from "../core/ref.js";
import { recordScope, runChain, withLoop, withParallelGroup } from "./context.js";
import { type Decls, type InputRefs, type InputsOf, ioSpec, type OutputRefs, type OutputsOf } from "./decl.js";
import { type Expr, isExpr } from "./expr.js";
import { applyFieldFunctions, type TemplateOptions } from "./factories.js";
import { deepLower, lowerValue } from "./lower.js";
import { inputRefs, makeTemplate, newTemplateModel } from "./template-model.js";
import type { Template } from "./types.js";

/**
 * What a DAG or steps body may return: values for the template's declared outputs. A reference
 * becomes `valueFrom.parameter` / `from`; an {@link Expr} becomes `valueFrom.expression` /
 * `fromExpression` (e.g. to pick the output of whichever branch ran).
 *
 * @example
 * ```ts
 * dag({ name: "d", outputs: { out: param(z.string()) } }, () => ({ out: gen().outputs.label }));
 * ```
 */
export type OutputValues<O> = { readonly [K in keyof O]?: OutputRefs<O>[K] | string | Expr };

/**
 * Options of a `dag()` template.
 *
 * @example
 * ```ts
 * dag({ name: "etl", dependencyStyle: "dependencies", failFast: false }, () => { extract(); });
 * ```
 */
export interface DagTemplateOptions<I extends Decls, O extends Decls> extends TemplateOptions<I, O> {
  /**
   * How dependencies are written in the manifest: `depends: "a && b"` or `dependencies: [a, b]`.
   * @default "depends"
   */
  readonly dependencyStyle?: "depends" | "dependencies";
  /** Stop scheduling new tasks after one fails. @default Argo's default (true) */
  readonly failFast?: boolean;
  /** Run only these target tasks (and what they need). */
  readonly target?: string;
  /**
   * The template's own `failFast` field (Argo's `Template.failFast`, which steps templates use), for
   * a manifest that sets it on a DAG template; `failFast` is the DAG's (`dag.failFast`).
   */
  readonly templateFailFast?: boolean;
}

/**
 * A DAG template. The body runs once, at build time, and records the tasks it calls; passing
 * one task's output to another makes the dependency. Return values for declared outputs.
 *
 * @example
 * ```ts
 * const etl = dag({ name: "etl" }, () => {
 *   const raw = extract();
 *   load({ rows: transform({ data: raw.outputs.data }).outputs.rows });
 * });
 * ```
 */
export function dag<const I extends Decls = {}, const O extends Decls = {}>(
  options: DagTemplateOptions<I, O>,
  body: (inputs: InputRefs<I>, self: Template<InputsOf<I>, OutputsOf<O>, never>) => OutputValues<O> | void,
): Template<InputsOf<I>, OutputsOf<O>, never> {
  return bodyTemplate(
    "dag",
    options as unknown as BodyOptions,
    body as (inputs: unknown, self: unknown) => unknown,
    undefined,
  );
}

/**
 * A steps template: each call in the body is a step that runs after the previous one; calls
 * inside `parallel(() => { ... })` form one group that runs in parallel.
 *
 * @example
 * ```ts
 * const flow = steps({ name: "flow" }, () => {
 *   const a = hello({ msg: "first" });
 *   parallel(() => { hello({ msg: "second" }); hello({ msg: "also second" }); });
 * });
 * ```
 */
export function steps<const I extends Decls = {}, const O extends Decls = {}>(
  options: TemplateOptions<I, O>,
  body: (inputs: InputRefs<I>, self: Template<InputsOf<I>, OutputsOf<O>, never>) => OutputValues<O> | void,
): Template<InputsOf<I>, OutputsOf<O>, never> {
  return bodyTemplate(
    "steps",
    options as unknown as BodyOptions,
    body as (inputs: unknown, self: unknown) => unknown,
    undefined,
  );
}

/** The options bodyTemplate() takes, whatever the template's inputs (checked by dag()/steps()). */
type BodyOptions = TemplateOptions<Decls, Decls> & {
  dependencyStyle?: "depends" | "dependencies";
  failFast?: boolean;
  target?: string;
  templateFailFast?: boolean;
};

/** Builds a DAG or steps template model by running its body. Used by dag(), steps() and workflows. */
export function bodyTemplate<I, O>(
  kind: "dag" | "steps",
  options: BodyOptions,
  body: (inputs: unknown, self: unknown) => unknown,
  workflow: object | undefined,
  extraInputs?: Record<string, unknown>,
  location?: SourceLocation,
): Template<InputsOf<I>, OutputsOf<O>, never> {
  const { name, inputs, outputs, dependencyStyle, failFast, target, templateFailFast, ...rest } = options;
  const model = newTemplateModel({
    name,
    kind,
    inputs: ioSpec(inputs, "input"),
    outputs: ioSpec(outputs, "output"),
    result: undefined,
    fields: {},
    location: location ?? callerLocation(bodyTemplate),
  });
  const refs = { ...inputRefs(model), ...extraInputs };
  // The template itself, callable inside its own body (recursion: a step that runs this template again).
  const self = makeTemplate<InputsOf<I>, OutputsOf<O>, never>(model);
  const { scope, result, problems } = recordScope(kind, workflow, () => body(refs, self));
  scope.template = model;
  const dagFields: Record<string, unknown> = {};
  if (target !== undefined) dagFields.target = target;
  if (failFast !== undefined && kind === "dag") dagFields.failFast = failFast;
  const m = model as { -readonly [K in keyof TemplateModel]: TemplateModel[K] };
  // `failFast` belongs to the DAG (`dag.failFast`) in a dag(), to the template in a steps().
  const templateFields = applyFieldFunctions(
    templateFailFast === undefined ? (rest as Record<string, unknown>) : { ...rest, failFast: templateFailFast },
    () => refs,
  );
  m.fields = Object.freeze(
    deepLower(kind === "steps" && failFast !== undefined ? { ...templateFields, failFast } : templateFields) as Record<
      string,
      unknown
    >,
  );
  if (kind === "dag") {
    m.tasks = Object.freeze([...scope.tasks]);
    m.dag = Object.freeze({ dependencyStyle: dependencyStyle ?? "depends", fields: Object.freeze(dagFields) });
  } else {
    m.steps = Object.freeze(scope.groups.map((g) => Object.freeze([...g])));
  }
  if (result && typeof result === "object") m.outputs = mergeOutputs(model, result as Record<string, unknown>);
  m.problems = Object.freeze([...problems]);
  Object.freeze(scope);
  Object.freeze(model);
  return self;
}

function mergeOutputs(model: TemplateModel, values: Record<string, unknown>): TemplateModel["outputs"] {
  const parameters = model.outputs.parameters.map((p) => {
    if (!(p.name in values)) return p;
    const v = values[p.name];
    const valueFrom = isExpr(v) ? { expression: v.text } : { parameter: lowerValue(v) };
    return Object.freeze({ ...p, fields: Object.freeze({ ...p.fields, valueFrom }) });
  });
  const artifacts = model.outputs.artifacts.map((a) => {
    if (!(a.name in values)) return a;
    const v = values[a.name];
    const source = isExpr(v) ? { fromExpression: v.text } : { from: isRef(v) ? String(v) : v };
    return Object.freeze({ ...a, fields: Object.freeze({ ...a.fields, ...source }) });
  });
  for (const k of Object.keys(values)) {
    if (!model.outputs.parameters.some((p) => p.name === k) && !model.outputs.artifacts.some((a) => a.name === k)) {
      throw new AuthoringError(
        "E_UNKNOWN_OUTPUT",
        `template "${model.name}" returns "${k}" but declares no output of that name`,
        model.location,
      );
    }
  }
  return Object.freeze({ parameters: Object.freeze(parameters), artifacts: Object.freeze(artifacts) });
}

/**
 * Loops a task over a literal list (`withItems`). The callback gets a typed item reference
 * (`item.field` for object items) and calls the template once; the task runs once per item.
 *
 * @example
 * ```ts
 * forEach(["a", "b"], (item) => hello({ msg: item }));
 * forEach([{ os: "debian", v: 12 }], (item) => test({ os: item.os, version: item.v }));
 * ```
 */
export function forEach<const T, R>(items: readonly T[], fn: (item: Item<T>) => R): R {
  const owner = {};
  return withLoop({ kind: "withItems", items: deepLower(items) as unknown[] }, owner, () =>
    fn(createItemRef<T>(owner)),
  );
}

/**
 * Loops a task over a JSON list produced at run time (`withParam`), typed per item.
 *
 * @example
 * ```ts
 * const list = gen();   // result: Ref<string[]>
 * forEachParam(list.result, (item) => handle({ name: item }));
 * ```
 */
export function forEachParam<T, R>(list: Ref<readonly T[]> | Ref<string> | string | Expr, fn: (item: Item<T>) => R): R {
  const owner = {};
  return withLoop({ kind: "withParam", value: lowerValue(list) }, owner, () => fn(createItemRef<T>(owner)));
}

/**
 * Loops a task over a number sequence (`withSequence`); the item is the number as a string.
 *
 * @example
 * ```ts
 * forSequence({ count: 5 }, (i) => shard({ index: i }));
 * ```
 */
export function forSequence<R>(
  sequence: {
    readonly count?: number | string | Ref;
    readonly start?: number | string | Ref;
    readonly end?: number | string | Ref;
    readonly format?: string;
  },
  fn: (item: Item<string>) => R,
): R {
  const owner = {};
  const seq: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(sequence))
    if (v !== undefined) seq[k] = typeof v === "string" ? v : isRef(v) ? String(v) : v;
  return withLoop({ kind: "withSequence", sequence: seq }, owner, () => fn(createItemRef<string>(owner)));
}

/**
 * Runs the steps called inside `fn` in parallel, as one step group (steps bodies only). Returns
 * what `fn` returns (e.g. the tasks, to use their outputs later).
 *
 * @example
 * ```ts
 * parallel(() => { extract(); setup(); });
 * const [h, t] = parallel(() => [heads({}, { when: eq(flip.result, "heads") }), tails({}, { when: eq(flip.result, "tails") })]);
 * ```
 */
export function parallel<R>(fn: () => R): R {
  return withParallelGroup(fn);
}

export type { ArgoDAGTemplate, ArtifactRef, ScopeModel, TaskModel };

/**
 * Runs groups of calls one after another: every task a link creates depends on every task the
 * previous link created. Links that create several tasks fan out; the next link fans them in.
 *
 * @example
 * ```ts
 * chain(
 *   () => extract(),
 *   () => { clean({ part: "a" }); clean({ part: "b" }); },  // both after extract
 *   () => report(),                                          // after both cleans
 * );
 * ```
 */
export function chain(...links: readonly (() => unknown)[]): void {
  runChain(links);
}
