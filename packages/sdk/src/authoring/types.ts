/**
 * The public types of templates and tasks: what a template value, a call's options and a task
 * handle look like to a user.
 */
import type { ArgoDAGTask, ArgoLifecycleHook } from "../core/argo.js";
import { BRAND } from "../core/brand.js";
import type { TaskModel, TemplateModel } from "../core/model.js";
import type { Ref } from "../core/ref.js";
import type { ArgsOf, Artifact, RefsOf } from "./decl.js";
import type { Depends, DependsLike } from "./depends.js";
import type { Expr } from "./expr.js";

/**
 * Any Argo object where every string may also be a reference (it is interpolated).
 *
 * @example
 * ```ts
 * container({ name: "c", inputs: { tag: z.string() } }, ({ tag }) => ({ image: `alpine:${tag}` })); // strings may hold refs
 * ```
 */
export type Refable<T> = T extends string
  ? string | Ref<string | number | boolean>
  : T extends readonly (infer U)[]
    ? readonly Refable<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Refable<T[K]> }
      : T;

/**
 * Options of one call of a template (one task or step).
 *
 * @example
 * ```ts
 * const s = setup();
 * hello({ msg: "hi" }, { name: "greet", after: [s], when: eq(mode, "loud"), extra: { continueOn: { failed: true } } });
 * ```
 */
export interface TaskOptions<O = {}, R = string> {
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
  readonly extra?: TaskExtra | ((self: Task<O, R>) => TaskExtra);
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
export type TaskExtra = Refable<
  Partial<
    Omit<ArgoDAGTask, "name" | "template" | "arguments" | "dependencies" | "depends" | "when" | "onExit" | "hooks">
  >
> & {
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
 * What a member that must not be used has instead of its type: an object type whose only
 * property is the message, so that using the member fails to compile with the message in view
 * (`Type 'TypeError<"this task has no result: ...">' is not assignable to ...`).
 *
 * @example
 * ```ts
 * type NoResult = TypeError<"this task has no result">;
 * ```
 */
export interface TypeError<Message extends string> {
  readonly "wfc type error": Message;
}

/**
 * A task: one call of a template in a DAG or steps body. `O` is the shape of its outputs (value
 * types by name), whose `outputs` are typed references; its status fields build `depends`
 * expressions.
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
  readonly outputs: RefsOf<O>;
  /**
   * `outputs.result`: the container's stdout or the script's return value. DAG, steps, suspend and
   * resource templates have none: for them this is a {@link TypeError} naming the problem.
   */
  readonly result: [R] extends [never]
    ? TypeError<"this task has no result: dag, steps, suspend and resource templates produce no outputs.result (declare an output instead)">
    : Ref<R>;
  /** `exitCode`: the main container's exit code (Argo's `tasks.<name>.exitCode`). */
  readonly exitCode: Ref<number>;
  /** The task's status (`Succeeded`, `Failed`...), for `when` conditions and hooks. */
  readonly status: Ref<string>;
  /**
   * Argo's other task fields: `id`, `ip`, `startedAt`, `finishedAt`, `hostNodeName`, `exitCode` (as
   * `steps.x.exitCode`), and `outputs.parameters` (of a looped task: the JSON list of every
   * iteration's output parameters, for `forEachParam`).
   */
  readonly attr: (
    name: "id" | "ip" | "startedAt" | "finishedAt" | "hostNodeName" | "exitCode" | "outputs.parameters",
  ) => Ref<string>;
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

/** The arguments of a call: optional when every input is optional. */
export type CallArgs<I, O = {}, R = string> =
  {} extends ArgsOf<I>
    ? [args?: ArgsOf<I>, options?: TaskOptions<O, R>]
    : [args: ArgsOf<I>, options?: TaskOptions<O, R>];

/**
 * A template: call it inside a workflow, `dag()` or `steps()` body to create a task.
 * `I` and `O` are the shapes of its inputs and outputs (value types by name, an optional input
 * is an optional key, an artifact is {@link Artifact}), `R` the type of its `result`: a
 * factory's template hovers as `Template<{ msg: string; times?: number }, { count: number }, string>`.
 *
 * @example
 * ```ts
 * const hello = container({ name: "hello", inputs: { msg: z.string() } }, ({ msg }) => ({ image: "alpine", args: [msg] }));
 * workflow({ name: "hi" }, () => { hello({ msg: "hi" }); });
 * ```
 */
export interface Template<I = {}, O = {}, R = string> {
  (...args: CallArgs<I, O, R>): Task<O, R>;
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
