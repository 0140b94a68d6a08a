import type { ZodType, z } from "zod";
import type { ArgoContainer } from "../../core/argo.js";
import type { ArtifactRef, Ref } from "../../core/ref.js";
import type {
  Args,
  Artifact,
  ArtifactArg,
  ArtifactDecl,
  Decls,
  InputRefs,
  SchemaOf,
  Simplify,
  Value,
} from "../decl.js";
import type { Refable } from "../factories.js";
import type { ScriptInputs } from "../node-script.js";
import type { AnyTemplate, Task, TaskOptions } from "../types.js";
import type { WorkflowObject } from "../workflow.js";

declare const containerOutputs: unique symbol;
declare const containerResult: unique symbol;
declare const tasksOf: unique symbol;

/**
 * What a `@container` method returns: an Argo container spec (strings may hold references). The
 * type parameters name the template's declared outputs and its `result` type, as values: the
 * decorator checks them against `outputs` and `result`, and {@link Tasks} types the task's
 * `outputs` and `result` from them. They are phantom: never present at run time.
 *
 * @example
 * ```ts
 * class P {
 *   @container({ inputs: { msg: z.string() }, outputs: { n: outputFromPath(z.number(), "/tmp/n") } })
 *   count({ msg }: Refs<{ msg: string }>): ContainerSpec<{ n: number }> {
 *     return { image: "alpine", command: ["sh", "-c", `echo ${msg} | wc -c > /tmp/n`] };
 *   }
 * }
 * ```
 */
export type ContainerSpec<O = {}, R = string> = Refable<ArgoContainer> & {
  /** @internal phantom: the declared outputs, as values */
  readonly [containerOutputs]?: O;
  /** @internal phantom: the type of `outputs.result` */
  readonly [containerResult]?: R;
};

/**
 * References to a template's inputs, by value type: the parameter type of a `@container`
 * method (`Refs<{ msg: string }>` is `{ readonly msg: Ref<string> }`).
 *
 * @example
 * ```ts
 * class P {
 *   @container({ inputs: { msg: z.string() } })
 *   say({ msg }: Refs<{ msg: string }>): ContainerSpec { return { image: "busybox", args: [msg] }; }
 * }
 * ```
 */
export type Refs<T> = { readonly [K in keyof T]: Ref<T[K]> };

/**
 * The typed task factories of a decorated class: one per instance method, called inside a body
 * like any template (it is the template the decorator made). Arguments and outputs are typed from
 * the method's signature, which the decorator has checked against its zod schemas.
 *
 * @example
 * ```ts
 * class P {
 *   @task({ inputs: { x: z.number() }, result: z.number() })
 *   plusOne({ x }: { x: number }): number { return x + 1; }
 *   @flow({ generateName: "p-" })
 *   static main(t: Tasks<P>) { t.plusOne({ x: 1 }).result; } // Ref<number>
 * }
 * ```
 */
export type Tasks<C> = {
  readonly [K in keyof C as C[K] extends (...args: never[]) => unknown ? K : never]: TaskOf<C[K]>;
} & {
  /** @internal phantom: the class the tasks come from */
  readonly [tasksOf]?: C;
};

/**
 * One typed task factory: a template whose call takes `A` and returns a task with outputs `O`
 * (declarations) and result type `R`.
 *
 * @example
 * ```ts
 * const plusOne: TaskFactory<{ readonly x: Value<number> }, {}, number> = tasks(P).plusOne;
 * ```
 */
export interface TaskFactory<A, O, R> extends AnyTemplate {
  (...args: {} extends A ? [args?: A, options?: TaskOptions] : [args: A, options?: TaskOptions]): Task<O, R>;
}

/**
 * The workflow objects of a decorated class: one per `@flow` static method.
 *
 * @example
 * ```ts
 * export default flows(Pipeline).main; // a WorkflowObject, found by wfc build
 * ```
 */
export type Flows<S> = {
  readonly [K in keyof S as S[K] extends (tasks: infer T, ...rest: never[]) => unknown
    ? typeof tasksOf extends keyof T
      ? K
      : never
    : never]: WorkflowObject;
};

// ---- deriving a task factory from a method signature -------------------------------------------

type NoArgs = { readonly [k: string]: never };

/** The argument for one property of a method's parameter: a value or reference (artifacts: an artifact). */
type ArgFor<V> = [V] extends [ArtifactRef] ? ArtifactArg : [V] extends [Ref<infer T>] ? Value<T> : Value<V>;

type ArgsOfParam<P> = [keyof P] extends [never]
  ? NoArgs
  : { readonly [K in keyof P]: ArgFor<Exclude<P[K], undefined>> };

/** Output values (as in `ContainerSpec<O>`) as an output shape, for `Task<O>`'s typed refs. */
type ShapeOfValues<O> = Simplify<{ -readonly [K in keyof O]: [O[K]] extends [ArtifactRef] ? Artifact : O[K] }>;

type ParamOf<M> = M extends (...args: infer A) => unknown
  ? A extends []
    ? {}
    : A extends [infer P, ...unknown[]]
      ? P
      : A extends [(infer P)?, ...unknown[]]
        ? P
        : {}
  : {};

/** The task factory of one decorated method. */
export type TaskOf<M> = M extends (...args: never[]) => infer Ret
  ? typeof containerOutputs extends keyof Ret
    ? TaskFactory<
        ArgsOfParam<ParamOf<M>>,
        ShapeOfValues<NonNullable<Ret[typeof containerOutputs & keyof Ret]>>,
        NonNullable<Ret[typeof containerResult & keyof Ret]>
      >
    : TaskFactory<ArgsOfParam<ParamOf<M>>, {}, Awaited<Ret>>
  : never;

// ---- checks the decorators make --------------------------------------------------------------

/** Flattens a mapped type, so that messages print its members. */
type Show<T> = { [K in keyof T]: T[K] } & {};

/** Mutual assignability: the two types describe the same values. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type OptionalKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];

/** The inputs a caller may omit (a default, `.optional()`, an artifact with a source). */
type OmittableInputs<I> = OptionalKeysOf<Args<I>>;

/** Ok (`unknown`) when the method's parameter `P` is exactly `expected`; else a message. */
type ParamCheck<Who extends string, P, Expected, I> =
  Same<Required<P>, Expected> extends false
    ? {
        readonly [K in `${Who}: the method's parameter type must match its \`inputs\``]: {
          readonly expected: Show<Expected>;
          readonly got: P;
        };
      }
    : [Exclude<OptionalKeysOf<P>, OmittableInputs<I>>] extends [never]
      ? unknown
      : {
          readonly [K in `${Who}: only inputs with a default may be optional in the method's parameter`]: Exclude<
            OptionalKeysOf<P>,
            OmittableInputs<I>
          >;
        };

type OneParam<Who extends string, M> = M extends (...args: infer A) => unknown
  ? A extends [] | [unknown] | [unknown?]
    ? unknown
    : { readonly [K in `${Who}: the method takes one parameter, its inputs object`]: A }
  : unknown;

/** Ok (`unknown`) when a `@task` method's signature matches its schemas; else a message. */
export type TaskMethodCheck<M, I, S> = M extends (...args: never[]) => infer Ret
  ? OneParam<"@task", M> &
      ParamCheck<"@task", ParamOf<M>, ScriptInputs<I>, I> &
      (typeof containerOutputs extends keyof Ret
        ? { readonly "@task: a @task method returns its result value, not a ContainerSpec (use @container)": Ret }
        : [S] extends [ZodType]
          ? Same<Awaited<Ret>, z.output<S>> extends true
            ? unknown
            : {
                readonly "@task: the method's return type must match `result`": {
                  readonly expected: z.output<S>;
                  readonly got: Awaited<Ret>;
                };
              }
          : unknown)
  : unknown;

/** The declared outputs as values: what `ContainerSpec<O>` must name. */
export type OutputValuesOf<O> = {
  readonly [K in keyof O]: O[K] extends ArtifactDecl ? ArtifactRef : z.output<SchemaOf<O[K]>>;
};

/** Ok (`unknown`) when a `@container` method's signature matches its declarations; else a message. */
export type ContainerMethodCheck<M, I, O, S> = M extends (...args: never[]) => infer Ret
  ? OneParam<"@container", M> &
      ParamCheck<"@container", ParamOf<M>, InputRefs<I>, I> &
      (typeof containerOutputs extends keyof Ret
        ? (Same<NonNullable<Ret[typeof containerOutputs & keyof Ret]>, OutputValuesOf<O>> extends true
            ? unknown
            : {
                readonly "@container: ContainerSpec<O> must name the declared `outputs`": {
                  readonly expected: Show<OutputValuesOf<O>>;
                  readonly got: NonNullable<Ret[typeof containerOutputs & keyof Ret]>;
                };
              }) &
            (Same<
              NonNullable<Ret[typeof containerResult & keyof Ret]>,
              [S] extends [ZodType] ? z.output<S> : string
            > extends true
              ? unknown
              : {
                  readonly "@container: ContainerSpec<O, R> must name the type of `result`": {
                    readonly expected: [S] extends [ZodType] ? z.output<S> : string;
                    readonly got: NonNullable<Ret[typeof containerResult & keyof Ret]>;
                  };
                })
        : {
            readonly "@container: annotate the method's return type as ContainerSpec (or ContainerSpec<Outputs>)": Ret;
          })
  : unknown;

/** Ok (`unknown`) when a `@flow` method takes the class's {@link Tasks} and the workflow's parameter refs. */
export type FlowMethodCheck<C, M, P> = C extends abstract new (
  ...args: never[]
) => infer Inst
  ? M extends (...args: infer A) => unknown
    ? A extends [] | [unknown] | [unknown, unknown] | [unknown?] | [unknown, unknown?] | [unknown?, unknown?]
      ? (A extends []
          ? unknown
          : Same<A[0], Tasks<Inst>> extends true
            ? unknown
            : {
                readonly "@flow: the first parameter must be Tasks<ThisClass>": {
                  readonly expected: Tasks<Inst>;
                  readonly got: A[0];
                };
              }) &
          (A extends [unknown, infer Params] | [unknown, (infer Params)?]
            ? [InputRefs<P>] extends [Params]
              ? unknown
              : {
                  readonly "@flow: the second parameter must take the workflow's `parameters` as references": {
                    readonly expected: InputRefs<P>;
                    readonly got: Params;
                  };
                }
            : unknown)
      : { readonly "@flow: the method takes (tasks: Tasks<ThisClass>, params?)": A }
    : unknown
  : { readonly "@flow: use it on a static method": C };

export type { Decls };
