import type { ZodType, z } from "zod";
import { BRAND, hasBrand } from "../core/brand.js";
import type { ArgoDAGTask, ArgoLifecycleHook } from "../core/argo.js";
import type { Refable } from "./factories.js";
import { AuthoringError, type Diagnostic, type SourceLocation } from "../core/errors.js";
import { callerLocation } from "../core/location.js";
import type { TaskDepends, IOSpec, TaskModel, TemplateKind, TemplateModel } from "../core/model.js";
import { createRef, isRef, refData, type ArtifactRef, type Ref } from "../core/ref.js";
import { requireFrame } from "./context.js";
import type { TaskStatus } from "../core/depends.js";
import type { Args, Decls, OutputRefs } from "./decl.js";
import { dependsOf, toNode, type Depends, type DependsLike } from "./depends.js";
import { deepLower, lowerValue } from "./lower.js";
import { isExpr, type Expr } from "./expr.js";

let nextTemplateId = 1;

/**
 * Options of one call of a template (one task or step).
 *
 * @example
 * ```ts
 * hello({ msg: "hi" }, { name: "greet", after: [setup], when: eq(mode, "loud"), extra: { continueOn: { failed: true } } });
 * ```
 */
export interface TaskOptions {
  /** The task's name in its DAG or steps body. @default the template's name, suffixed `-2`, `-3`... when taken */
  readonly name?: string;
  /** Tasks that must finish first, in addition to those whose outputs are passed in. */
  readonly after?: DependsLike | readonly DependsLike[];
  /** An explicit `depends` expression (use `a.failed`, `and()`, `or()`, `not()`). */
  readonly depends?: Depends;
  /** Run only when this holds: a condition built with `eq()`, `gt()`... or a string with references. */
  readonly when?: Condition | Expr | string;
  /**
   * Other fields of Argo's DAGTask / WorkflowStep (continueOn, hooks, onExit, ...); templates as
   * values. A function gets the task itself, so that its hooks can pass the task's own outputs on.
   */
  readonly extra?: TaskExtra | ((self: Task<any, any>) => TaskExtra);
}

/**
 * A lifecycle hook: run `template` when `expression` holds (or, under the key `exit`, when the
 * task or workflow ends). The template is given as a value.
 *
 * @example
 * ```ts
 * const hooks = { exit: { template: notify }, running: { expression: expr`${vars.workflow.status} == "Running"`, template: notify } };
 * ```
 */
export type LifecycleHook = Omit<ArgoLifecycleHook, "template" | "expression" | "arguments"> & {
  readonly template?: AnyTemplate | string;
  readonly expression?: Expr | string;
  readonly arguments?: Refable<NonNullable<ArgoLifecycleHook["arguments"]>>;
};

/**
 * The DAGTask / WorkflowStep fields given through `extra`, with templates (for `onExit` and
 * hooks) given as values.
 *
 * @example
 * ```ts
 * const extra: TaskExtra = { continueOn: { failed: true }, onExit: cleanup, hooks: { exit: { template: notify } } };
 * ```
 */
export type TaskExtra = Refable<Partial<Omit<ArgoDAGTask, "name" | "template" | "arguments" | "dependencies" | "depends" | "when" | "onExit" | "hooks">>> & {
  /**
   * Arguments the template does not declare (Argo passes them and the template ignores them);
   * declared inputs are passed as the call's first argument. Added after the declared ones.
   */
  readonly arguments?: Refable<NonNullable<ArgoDAGTask["arguments"]>>;
  readonly onExit?: AnyTemplate | string;
  readonly hooks?: { readonly [event: string]: LifecycleHook };
};

/**
 * A `when` condition: a string whose references are resolved by the compiler.
 *
 * @example
 * ```ts
 * heads({}, { when: eq(flip.result, "heads") });
 * ```
 */
export interface Condition {
  readonly [BRAND.expr]: "condition";
  readonly text: string;
}

/**
 * A task: one call of a template in a DAG or steps body. Its outputs are typed references;
 * its status fields build `depends` expressions.
 *
 * @example
 * ```ts
 * const a = produce();
 * consume({ data: a.outputs.data }, { depends: a.succeeded });
 * ```
 */
export interface Task<O = {}, R = string> extends Depends {
  readonly [BRAND.task]: TaskModel;
  /** The task's name. */
  readonly name: string;
  /** References to the declared outputs. */
  readonly outputs: OutputRefs<O>;
  /** `outputs.result`: the container's stdout or the script's return value. */
  readonly result: Ref<R>;
  /** `exitCode`: the main container's exit code (Argo's `tasks.<name>.exitCode`). */
  readonly exitCode: Ref<number>;
  /** The task's status (`Succeeded`, `Failed`...), for `when` conditions and hooks. */
  readonly status: Ref<string>;
  /**
   * Argo's other task fields: `id`, `ip`, `startedAt`, `finishedAt`, `hostNodeName`, `exitCode` (as
   * `steps.x.exitCode`), and `outputs.parameters` (of a looped task: the JSON list of every
   * iteration's output parameters, for `forEachParam`).
   */
  readonly attr: (name: "id" | "ip" | "startedAt" | "finishedAt" | "hostNodeName" | "exitCode" | "outputs.parameters") => Ref<string>;
  readonly succeeded: Depends;
  readonly failed: Depends;
  readonly errored: Depends;
  readonly skipped: Depends;
  readonly omitted: Depends;
  readonly daemoned: Depends;
  /** For a task with a loop: any iteration succeeded. */
  readonly anySucceeded: Depends;
  /** For a task with a loop: all iterations failed. */
  readonly allFailed: Depends;
}

type CallArgs<I> = {} extends Args<I> ? [args?: Args<I>, options?: TaskOptions] : [args: Args<I>, options?: TaskOptions];

/**
 * A template: call it inside a workflow, `dag()` or `steps()` body to create a task.
 * `I` and `O` are its declared inputs and outputs, `R` the type of its `result`.
 *
 * @example
 * ```ts
 * const hello = container({ name: "hello", inputs: { msg: z.string() } }, ({ msg }) => ({ image: "alpine", args: [msg] }));
 * workflow({ name: "hi" }, () => { hello({ msg: "hi" }); });
 * ```
 */
export interface Template<I = {}, O = {}, R = string> {
  (...args: CallArgs<I>): Task<O, R>;
  readonly [BRAND.template]: TemplateModel;
  /** The template's name in `spec.templates`. */
  readonly templateName: string;
}

/**
 * Any template, whatever its inputs and outputs: what `entrypoint`, `templates` and `onExit` take.
 *
 * @example
 * ```ts
 * workflowTemplate({ name: "lib", templates: [hello, goodbye] });
 * ```
 */
export interface AnyTemplate {
  readonly [BRAND.template]: TemplateModel;
  readonly templateName: string;
}

/** The model behind a template value (from any copy of the SDK). */
export function templateModel(t: unknown): TemplateModel {
  if (!isTemplate(t)) throw new TypeError("not a wfc template");
  return t[BRAND.template];
}

/**
 * True when `value` is a template made by a wfc factory.
 *
 * @example
 * ```ts
 * isTemplate(hello) // true
 * ```
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
  const fn = function (args?: Record<string, unknown>, options?: TaskOptions) {
    return callTemplate(model, args ?? {}, options ?? {}, callerLocation(fn));
  } as unknown as Template<I, O, R>;
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
  for (const p of model.inputs.parameters) out[p.name] = createRef({ kind: "input", template: model, what: "parameters", name: p.name });
  for (const a of model.inputs.artifacts) out[a.key ?? a.name] = createRef({ kind: "input", template: model, what: "artifacts", name: a.name });
  return out;
}

const STATUSES = {
  succeeded: "Succeeded",
  failed: "Failed",
  errored: "Errored",
  skipped: "Skipped",
  omitted: "Omitted",
  daemoned: "Daemoned",
  anySucceeded: "AnySucceeded",
  allFailed: "AllFailed",
} as const;

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});
const ARTIFACT_SOURCES = ["from", "fromExpression", "s3", "gcs", "git", "http", "artifactory", "hdfs", "oss", "raw", "azure", "plugin", "optional"] as const;

/** A declared input parameter by name (templates declare few inputs: a scan beats building an index). */
function findParam(model: TemplateModel, name: string): TemplateModel["inputs"]["parameters"][number] | undefined {
  const ps = model.inputs.parameters;
  for (let i = 0; i < ps.length; i++) if (ps[i]!.name === name) return ps[i];
  return undefined;
}

/** A declared input artifact by the key it is declared under (its Argo name may differ: `artifact({ name })`). */
function findArtifact(model: TemplateModel, key: string): TemplateModel["inputs"]["artifacts"][number] | undefined {
  const as = model.inputs.artifacts;
  for (let i = 0; i < as.length; i++) if ((as[i]!.key ?? as[i]!.name) === key) return as[i];
  return undefined;
}

function callTemplate(model: TemplateModel, args: Record<string, unknown>, options: TaskOptions, location: SourceLocation | undefined): Task<Decls, unknown> {
  const frame = requireFrame(model.name, location);
  const scope = frame.scope;
  const problems: Diagnostic[] = frame.problems;
  const report = (code: string, message: string, task: string) => problems.push({ code, message, task, location });

  let name = options.name ?? model.name;
  const named = options.name !== undefined;
  if (scope.names.has(name)) {
    if (named) report("E_DUPLICATE_TASK", `task name "${name}" is already used in this body`, name);
    else {
      let i = 2;
      while (scope.names.has(`${name}-${i}`)) i++;
      name = `${name}-${i}`;
    }
  }

  const parameters: [string, unknown][] = [];
  const artifacts: [string, unknown][] = [];
  for (const key in args) {
    const value = args[key];
    if (value === undefined) continue;
    const p = findParam(model, key);
    if (p) {
      if (!isRef(value) && p.schema) {
        const r = (p.schema as ZodType).safeParse(value);
        if (!r.success) {
          const why = r.error.issues.map((i) => i.message).join("; ");
          report("E_INVALID_ARGUMENT", `input "${key}" of template "${model.name}": ${JSON.stringify(value)} fails its schema: ${why}`, name);
        }
      }
      // A reference is kept as is: the compiler resolves it directly (no placeholder text to scan).
      parameters.push([key, isRef(value) ? value : lowerValue(value)]);
    } else if (findArtifact(model, key)) {
      artifacts.push([findArtifact(model, key)!.name, isRef(value) ? value : deepLower(value)]);
    } else {
      const known = [...model.inputs.parameters, ...model.inputs.artifacts].map((d) => d.name).join(", ") || "none";
      report("E_UNKNOWN_INPUT", `template "${model.name}" has no input "${key}" (declared: ${known})`, name);
    }
  }
  for (const p of model.inputs.parameters) {
    if (p.name in args) continue;
    const optional = p.fields.default !== undefined || p.fields.value !== undefined || (p.schema && (p.schema as ZodType).safeParse(undefined).success);
    if (!optional) report("E_MISSING_INPUT", `input "${p.name}" of template "${model.name}" is required`, name);
  }
  for (const a of model.inputs.artifacts) {
    if ((a.key ?? a.name) in args) continue;
    const f = a.fields;
    const hasSource = ARTIFACT_SOURCES.some((k) => f[k] !== undefined);
    if (!hasSource) report("E_MISSING_INPUT", `input artifact "${a.name}" of template "${model.name}" is required`, name);
  }

  const after = options.after === undefined ? [] : Array.isArray(options.after) ? options.after : [options.after as DependsLike];
  const afterTasks: TaskModel[] = [...frame.implicitAfter];
  for (const a of after) {
    const node = toNode(a as DependsLike);
    if (node.kind === "task" && node.status === undefined) afterTasks.push(node.task);
    else report("E_BAD_AFTER", "`after` takes tasks; use `depends` for expressions like a.failed", name);
  }

  const w = options.when as Condition | Expr | string | undefined;
  const whenValue = w === undefined ? undefined : typeof w === "string" ? w : isExpr(w) ? String(w) : w.text;
  const extraOf = typeof options.extra === "function" ? options.extra : undefined;
  const task: TaskModel = {
    name,
    named,
    template: model,
    scope,
    parameters,
    artifacts,
    after: afterTasks,
    depends: options.depends ? toNode(options.depends) : undefined,
    when: whenValue,
    loop: frame.loop?.spec,
    loopOwner: frame.loop?.owner,
    fields: options.extra && !extraOf ? Object.freeze(deepLower(options.extra) as Record<string, unknown>) : EMPTY,
    location,
  };
  frame.created?.push(task);
  scope.names.set(name, task);
  scope.tasks.push(task);
  if (scope.kind === "steps") {
    if (frame.group) frame.group.push(task);
    else scope.groups.push([task]);
  }

  const handle = new TaskHandle(task) as unknown as Task<Decls, unknown>;
  // `extra` given as a function of the task itself: hooks that pass the task's own outputs on.
  if (extraOf) (task as { fields: unknown }).fields = Object.freeze(deepLower(extraOf(handle)) as Record<string, unknown>);
  Object.freeze(task);
  return handle;
}

/** The value a template call returns; getters live on the prototype so a call stays cheap. */
class TaskHandle {
  readonly [BRAND.task]!: TaskModel;
  readonly [BRAND.expr]!: TaskDepends;
  #outputs: Record<string, Ref> | undefined;
  #result: Ref | undefined;
  constructor(task: TaskModel) {
    this[BRAND.task] = task;
    this[BRAND.expr] = { kind: "task", task };
  }
  get name(): string {
    return this[BRAND.task].name;
  }
  get outputs(): Record<string, Ref> {
    if (this.#outputs) return this.#outputs;
    const task = this[BRAND.task];
    const outputs: Record<string, Ref> = {};
    for (const p of task.template.outputs.parameters) outputs[p.name] = createRef({ kind: "task-output", task, what: "parameters", name: p.name }, task.location);
    for (const a of task.template.outputs.artifacts) outputs[a.key ?? a.name] = createRef({ kind: "task-output", task, what: "artifacts", name: a.name }, task.location);
    return (this.#outputs = Object.freeze(outputs));
  }
  attr(a: string): Ref<string> {
    return createRef<string>({ kind: "task-attr", task: this[BRAND.task], attr: a }, this[BRAND.task].location);
  }
  get result(): Ref {
    return (this.#result ??= this.attr("outputs.result"));
  }
  get exitCode(): Ref {
    return this.attr("exitCode");
  }
  get status(): Ref {
    return this.attr("status");
  }
  and(...others: DependsLike[]): Depends {
    return dependsOf(this[BRAND.expr]).and(...others);
  }
  or(...others: DependsLike[]): Depends {
    return dependsOf(this[BRAND.expr]).or(...others);
  }
  #status(status: TaskStatus): Depends {
    return dependsOf({ kind: "task", task: this[BRAND.task], status });
  }
  get succeeded(): Depends {
    return this.#status(STATUSES.succeeded);
  }
  get failed(): Depends {
    return this.#status(STATUSES.failed);
  }
  get errored(): Depends {
    return this.#status(STATUSES.errored);
  }
  get skipped(): Depends {
    return this.#status(STATUSES.skipped);
  }
  get omitted(): Depends {
    return this.#status(STATUSES.omitted);
  }
  get daemoned(): Depends {
    return this.#status(STATUSES.daemoned);
  }
  get anySucceeded(): Depends {
    return this.#status(STATUSES.anySucceeded);
  }
  get allFailed(): Depends {
    return this.#status(STATUSES.allFailed);
  }
}

/**
 * True when `value` is a task handle.
 *
 * @example
 * ```ts
 * const t = hello({ msg: "x" }); isTask(t) // true
 * ```
 */
export function isTask(value: unknown): value is Task<unknown, unknown> {
  return hasBrand(value, BRAND.task);
}

/** Checks at build time that a reference is a reference (for better errors in JS callers). */
export function assertRef(value: unknown, what: string): asserts value is Ref {
  if (!isRef(value)) throw new AuthoringError("E_NOT_A_REF", `${what} must be a reference (a task output, input or parameter)`);
  void refData(value);
}

export type { z };
