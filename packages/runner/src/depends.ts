import type { DAGTask } from "@wfc/sdk/argo";
import { type DependsNode as DependsExpr, parseDepends } from "@wfc/sdk/internal";

/** The results a `depends` expression can test (`TaskResults` in dag.go). */
export interface TaskResults {
  readonly Succeeded: boolean;
  readonly Failed: boolean;
  readonly Errored: boolean;
  readonly Skipped: boolean;
  readonly Omitted: boolean;
  readonly Daemoned: boolean;
  readonly AnySucceeded: boolean;
  readonly AllFailed: boolean;
}

export const taskResultNames = [
  "Succeeded",
  "Failed",
  "Errored",
  "Skipped",
  "Omitted",
  "Daemoned",
  "AnySucceeded",
  "AllFailed",
] as const;

/** A task's dependency logic: `depends`, or `dependencies` as `(A.Succeeded || A.Skipped || A.Daemoned) && ...`. */
export interface TaskDependsLogic {
  readonly expr: DependsExpr | undefined;
  /** The tasks it names, in first-mention order. */
  readonly dependencies: readonly string[];
}

/** `GetTaskDependencies`: parses `depends` with the SDK's grammar (or converts `dependencies`). Throws `E_DEPENDS_SYNTAX` on bad syntax or an unknown task result. */
export function taskDependsLogic(task: DAGTask): TaskDependsLogic {
  let expr: DependsExpr | undefined;
  if (task.depends) expr = parseDepends(task.depends);
  else if (task.dependencies?.length) {
    const ops: DependsExpr[] = task.dependencies.map((d) => ({ kind: "task", task: d }));
    expr = ops.length === 1 ? ops[0] : { kind: "and", operands: ops };
  }
  const deps: string[] = [];
  const walk = (e: DependsExpr) => {
    if (e.kind === "task") {
      if (!deps.includes(e.task)) deps.push(e.task);
    } else if (e.kind === "not") walk(e.operand);
    else e.operands.forEach(walk);
  };
  if (expr) walk(expr);
  return { expr, dependencies: deps };
}

/**
 * Evaluates the logic. A bare task name is Argo's `expandDependency`:
 * `T.Succeeded || T.Skipped || T.Daemoned` (+ `T.Errored`/`T.Failed` with `continueOn`).
 */
export function evaluateDepends(
  e: DependsExpr,
  results: (task: string) => TaskResults,
  continueOn: (task: string) => { error?: boolean; failed?: boolean } | undefined,
): boolean {
  switch (e.kind) {
    case "and":
      return e.operands.every((o) => evaluateDepends(o, results, continueOn));
    case "or":
      return e.operands.some((o) => evaluateDepends(o, results, continueOn));
    case "not":
      return !evaluateDepends(e.operand, results, continueOn);
    case "task": {
      const r = results(e.task);
      if (e.status !== undefined) return r[e.status as keyof TaskResults];
      const c = continueOn(e.task);
      return (
        r.Succeeded || r.Skipped || r.Daemoned || (c?.error === true && r.Errored) || (c?.failed === true && r.Failed)
      );
    }
  }
}
