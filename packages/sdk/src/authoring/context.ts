import { AuthoringError, type Diagnostic, type SourceLocation } from "../core/errors.js";
import type { LoopSpec, ScopeModel, TaskModel } from "../core/model.js";

/** The body being recorded, and the loop frames around the current call. */
interface Frame {
  readonly scope: ScopeModel;
  /** The step group being filled by `parallel()`, if any. */
  group: TaskModel[] | undefined;
  loop: { readonly spec: LoopSpec; readonly owner: object } | undefined;
  /** Tasks every new task must run after (set by `chain()`). */
  implicitAfter: readonly TaskModel[];
  /** Tasks created since the current `chain()` link started. */
  created: TaskModel[] | undefined;
  readonly problems: Diagnostic[];
}

const stack: Frame[] = [];

/** Runs `body` with a new DAG or steps scope active and returns the recorded scope. */
export function recordScope<R>(
  kind: "dag" | "steps",
  workflow: object | undefined,
  body: () => R,
): { scope: ScopeModel; result: R; problems: Diagnostic[] } {
  const scope: ScopeModel = { kind, template: undefined, workflow, tasks: [], groups: [], names: new Map() };
  const frame: Frame = {
    scope,
    group: undefined,
    loop: undefined,
    implicitAfter: [],
    created: undefined,
    problems: [],
  };
  stack.push(frame);
  try {
    const result = body();
    if (result && typeof (result as { then?: unknown }).then === "function") {
      throw new AuthoringError(
        "E_ASYNC_BODY",
        "a workflow, DAG or steps body must be synchronous: it runs once at build time to record the tasks",
      );
    }
    return { scope, result, problems: frame.problems };
  } finally {
    stack.pop();
  }
}

/** The innermost frame, or undefined outside any body. */
export function currentFrame(): Frame | undefined {
  return stack[stack.length - 1];
}

/** The innermost frame; throws a clear error outside any body. */
export function requireFrame(what: string, location?: SourceLocation): Frame {
  const f = currentFrame();
  if (!f) {
    throw new AuthoringError(
      "E_OUTSIDE_BODY",
      `${what} was called outside a workflow, dag() or steps() body; call templates inside a body, e.g. workflow({ name: "x" }, () => { ${what}(...) })`,
      location,
    );
  }
  return f;
}

/** Runs `fn` with a loop frame set, so the tasks it creates carry the loop. */
export function withLoop<R>(spec: LoopSpec, owner: object, fn: () => R): R {
  const frame = requireFrame("forEach");
  const prev = frame.loop;
  if (prev)
    throw new AuthoringError(
      "E_NESTED_LOOP",
      "loops cannot be nested inside one body: Argo loops over one task; loop inside a dag() or steps() template instead",
    );
  frame.loop = { spec, owner };
  try {
    return fn();
  } finally {
    frame.loop = prev;
  }
}

/** Runs `fn` collecting every step it creates into one parallel group. */
export function withParallelGroup<R>(fn: () => R): R {
  const frame = requireFrame("parallel");
  if (frame.scope.kind !== "steps")
    throw new AuthoringError(
      "E_PARALLEL_OUTSIDE_STEPS",
      "parallel() is for steps() bodies; in a DAG, tasks without dependencies already run in parallel",
    );
  if (frame.group) throw new AuthoringError("E_NESTED_PARALLEL", "parallel() groups cannot be nested");
  const group: TaskModel[] = [];
  frame.group = group;
  let result: R;
  try {
    result = fn();
  } finally {
    frame.group = undefined;
  }
  // An empty group is kept: `- []` is a valid (empty) step group.
  frame.scope.groups.push(group);
  return result;
}

/**
 * Runs each link in order so that every task a link creates runs after every task the previous
 * link created (DAG bodies only).
 */
export function runChain(links: readonly (() => unknown)[]): TaskModel[] {
  const frame = requireFrame("chain");
  if (frame.scope.kind !== "dag")
    throw new AuthoringError(
      "E_CHAIN_OUTSIDE_DAG",
      "chain() is for dag() and workflow bodies; a steps body is already sequential",
    );
  const outerAfter = frame.implicitAfter;
  const outerCreated = frame.created;
  let previous: readonly TaskModel[] = outerAfter;
  try {
    for (const link of links) {
      frame.implicitAfter = previous;
      frame.created = [];
      link();
      if (frame.created.length) previous = frame.created;
      outerCreated?.push(...frame.created);
    }
  } finally {
    frame.implicitAfter = outerAfter;
    frame.created = outerCreated;
  }
  return [...previous];
}
