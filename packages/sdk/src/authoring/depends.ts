import { BRAND, hasBrand } from "../core/brand.js";
import type { TaskDepends, TaskModel } from "../core/model.js";

/**
 * A typed `depends` expression: task results combined with `and`, `or` and `not`. Written in
 * TypeScript, checked by the compiler (every task must exist in the same DAG), emitted as Argo's
 * `depends` string.
 *
 * @example
 * ```ts
 * report({}, { depends: or(train.succeeded, train.failed.and(fallback.succeeded)) });
 * ```
 */
export interface Depends {
  readonly [BRAND.expr]: TaskDepends;
  /** Both this and `other`. */
  and(...others: DependsLike[]): Depends;
  /** This or `other`. */
  or(...others: DependsLike[]): Depends;
}

/**
 * A task (meaning: it succeeded, was skipped or daemoned, as in Argo) or a depends expression.
 *
 * @example
 * ```ts
 * report({}, { depends: or(train, fallback.failed) });
 * ```
 */
export type DependsLike = Depends | { readonly [BRAND.task]: TaskModel };

/** Builds a depends expression node. @internal */
export function dependsOf(node: TaskDepends): Depends {
  return {
    [BRAND.expr]: node,
    and: (...others) => dependsOf({ kind: "and", operands: [node, ...others.map(toNode)] }),
    or: (...others) => dependsOf({ kind: "or", operands: [node, ...others.map(toNode)] }),
  };
}

/** The expression node of a task or expression. @internal */
export function toNode(d: DependsLike): TaskDepends {
  if (hasBrand(d, BRAND.expr)) return (d as Depends)[BRAND.expr];
  return { kind: "task", task: (d as { [BRAND.task]: TaskModel })[BRAND.task] };
}

/** All of the given tasks or expressions. @example `and(a, b.failed)` */
export function and(...items: DependsLike[]): Depends {
  return dependsOf({ kind: "and", operands: items.map(toNode) });
}

/** Any of the given tasks or expressions. @example `or(a.failed, b.errored)` */
export function or(...items: DependsLike[]): Depends {
  return dependsOf({ kind: "or", operands: items.map(toNode) });
}

/** The negation of an expression. @example `not(a.succeeded)` */
export function not(item: DependsLike): Depends {
  return dependsOf({ kind: "not", operand: toNode(item) });
}
