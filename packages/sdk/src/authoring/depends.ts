import { BRAND, hasBrand } from "../core/brand.js";
import type { DependsNode, TaskModel } from "../core/model.js";

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
  readonly [BRAND.expr]: DependsNode;
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

/** Builds a depends expression node. */
export function dependsOf(node: DependsNode): Depends {
  return {
    [BRAND.expr]: node,
    and: (...others) => dependsOf({ op: "and", items: [node, ...others.map(toNode)] }),
    or: (...others) => dependsOf({ op: "or", items: [node, ...others.map(toNode)] }),
  };
}

/** The expression node of a task or expression. */
export function toNode(d: DependsLike): DependsNode {
  if (hasBrand(d, BRAND.expr)) return (d as Depends)[BRAND.expr];
  return { op: "task", task: (d as { [BRAND.task]: TaskModel })[BRAND.task], status: undefined };
}

/** All of the given tasks or expressions. @example `and(a, b.failed)` */
export function and(...items: DependsLike[]): Depends {
  return dependsOf({ op: "and", items: items.map(toNode) });
}

/** Any of the given tasks or expressions. @example `or(a.failed, b.errored)` */
export function or(...items: DependsLike[]): Depends {
  return dependsOf({ op: "or", items: items.map(toNode) });
}

/** The negation of an expression. @example `not(a.succeeded)` */
export function not(item: DependsLike): Depends {
  return dependsOf({ op: "not", item: toNode(item) });
}

/** Prints a depends node as Argo's `depends` syntax. */
export function printDepends(node: DependsNode, top = true): string {
  switch (node.op) {
    case "task":
      return node.status ? `${node.task.name}.${node.status}` : node.task.name;
    case "not":
      return `!${printDepends(node.item, false)}`;
    default: {
      const s = node.items.map((i) => printDepends(i, false)).join(node.op === "and" ? " && " : " || ");
      return top || node.items.length < 2 ? s : `(${s})`;
    }
  }
}

/** The tasks a depends node mentions. */
export function dependsTasks(node: DependsNode, out: TaskModel[] = []): TaskModel[] {
  if (node.op === "task") out.push(node.task);
  else if (node.op === "not") dependsTasks(node.item, out);
  else for (const i of node.items) dependsTasks(i, out);
  return out;
}
