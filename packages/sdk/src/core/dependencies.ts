/**
 * The dependency semantics of a DAG, written once for the compiler, the importer and the linter:
 * which dependencies a task gets (explicit `after`/`depends`, plus every task whose output it
 * uses, minus those another dependency already implies), and cycle search.
 *
 * Generic over the task identity `T`: the compiler's task models, or task names (importer,
 * linter).
 *
 * @internal
 */
import { type DependsAst, dependsTasks, printDepends } from "./depends.js";

/** What a task asks for: explicit ordering and the tasks its values reference. */
export interface DependencyRequest<T> {
  /** Tasks given with `after` (or a `dependencies` list), in order. */
  readonly after: readonly T[];
  /** An explicit `depends` expression. */
  readonly depends?: DependsAst<T> | undefined;
  /** Tasks whose outputs the task's values reference, in order of appearance (repeats allowed). */
  readonly refs: readonly T[];
}

/** What a task's DAG entry gets: the `depends` text or `dependencies` list, and its direct dependencies. */
export interface DependencyPlan<T> {
  readonly depends?: string;
  readonly dependencies?: string[];
  /** The task's direct dependencies (explicit ones first), as recorded in the graph. */
  readonly deps: readonly T[];
}

/** How far {@link DependencyGraph.impliedBy} searches before it answers "not implied" (keeps huge DAGs linear). */
const SEARCH_BUDGET = 512;

const NONE: readonly never[] = Object.freeze([]);

/**
 * The dependency graph of one DAG, built task by task in creation order (a task can only depend
 * on tasks made before it).
 *
 * @example
 * ```ts
 * const g = new DependencyGraph<string>((t) => t);
 * g.set("a", g.plan("a", { after: [], refs: [] }).deps);
 * g.set("b", g.plan("b", { after: [], refs: ["a"] }).deps);
 * g.plan("c", { after: [], refs: ["a", "b"] }).depends; // "b": a is implied by b
 * ```
 */
export class DependencyGraph<T> {
  readonly #deps = new Map<T, readonly T[]>();
  readonly #order = new Map<T, number>();

  constructor(private readonly nameOf: (task: T) => string) {}

  /**
   * Gives a task its position in its DAG (a task can only depend on tasks placed before it). The
   * compiler places all tasks first; tasks not placed are numbered as {@link set} meets them.
   */
  place(task: T, index: number): void {
    this.#order.set(task, index);
  }

  /** Records a task's direct dependencies (a task not {@link place}d yet is placed after the others). */
  set(task: T, deps: readonly T[]): void {
    if (!this.#order.has(task)) this.#order.set(task, this.#order.size);
    this.#deps.set(task, deps);
  }

  /** Forgets every recorded dependency (positions stay). */
  clear(): void {
    this.#deps.clear();
  }

  /** The direct dependencies recorded for a task. */
  dependenciesOf(task: T): readonly T[] {
    return this.#deps.get(task) ?? NONE;
  }

  /**
   * True when `task` is reachable from one of `others` through recorded dependencies. Tasks made
   * before `task` cannot reach it, which keeps the search short (constant for chains); the search
   * gives up ("not implied": the dependency is kept) after a fixed budget.
   */
  impliedBy(task: T, others: readonly T[]): boolean {
    const order = this.#order;
    const floor = order.get(task) ?? 0;
    const seen = new Set<T>();
    const queue = others.filter((x) => (order.get(x) ?? 0) > floor);
    let budget = SEARCH_BUDGET;
    while (queue.length && budget-- > 0) {
      const x = queue.pop() as T;
      if (seen.has(x)) continue;
      seen.add(x);
      const ds = this.#deps.get(x) ?? NONE;
      for (let i = 0; i < ds.length; i++) {
        const d = ds[i] as T;
        if (d === task) return true;
        if ((order.get(d) ?? 0) > floor) queue.push(d);
      }
    }
    return false;
  }

  /**
   * Decides a task's dependencies and says how to write them (without recording them: call
   * {@link set} with `deps` to keep the answer, so that callers can try alternatives): the explicit ones
   * (`after`, the tasks of `depends`), then every referenced task not already implied by another
   * dependency. With a `depends` expression, the others are `&&`-ed to it; otherwise they are a
   * `depends` conjunction or, in `dependencies` style, a list.
   */
  plan(task: T, request: DependencyRequest<T>, style: "depends" | "dependencies" = "depends"): DependencyPlan<T> {
    const { after, depends, refs } = request;
    const inDepends = depends ? dependsTasks(depends) : NONE;
    let mentioned: Set<T> | undefined;
    if (after.length || inDepends.length) {
      mentioned = new Set<T>();
      for (let i = 0; i < after.length; i++) mentioned.add(after[i] as T);
      for (let i = 0; i < inDepends.length; i++) mentioned.add(inDepends[i] as T);
    }
    const inferred: T[] = [];
    for (let i = 0; i < refs.length; i++) {
      const t = refs[i] as T;
      if (t !== task && !mentioned?.has(t) && !inferred.includes(t)) inferred.push(t);
    }
    const needed =
      inferred.length === 0 || (inferred.length === 1 && !mentioned)
        ? inferred
        : inferred.filter((t) => !this.impliedBy(t, [...(mentioned ?? NONE), ...inferred.filter((x) => x !== t)]));
    const deps = mentioned ? (needed.length ? [...mentioned, ...needed] : [...mentioned]) : needed;
    const name = this.nameOf;
    if (depends) {
      const first = printDepends(depends, { name, operand: needed.length > 0 || after.length > 0 });
      return { depends: [first, ...after.map(name), ...needed.map(name)].join(" && "), deps };
    }
    const all = needed.length ? [...after, ...needed] : after;
    if (!all.length) return { deps };
    return style === "dependencies"
      ? { dependencies: all.map(name), deps }
      : { depends: all.map(name).join(" && "), deps };
  }

  /** A dependency cycle among `tasks` (`[a, b, a]`), or undefined when there is none. */
  findCycle(tasks: Iterable<T>): T[] | undefined {
    // Depth first, with an explicit stack (a chain of 50000 tasks is 50000 deep). The stack's
    // height is kept apart from its arrays' length: emptying an array by pop() shrinks its store,
    // which the next root would allocate again.
    const state = new Map<T, 1 | 2>();
    const path: T[] = [];
    const next: number[] = [];
    let height = 0;
    const roots: readonly T[] = Array.isArray(tasks) ? tasks : [...tasks];
    for (let r = 0; r < roots.length; r++) {
      const root = roots[r] as T;
      if (state.has(root)) continue;
      state.set(root, 1);
      path[height] = root;
      next[height] = 0;
      height++;
      while (height > 0) {
        const top = height - 1;
        const t = path[top] as T;
        const deps = this.#deps.get(t) ?? NONE;
        const i = next[top] as number;
        if (i >= deps.length) {
          height--;
          state.set(t, 2);
          continue;
        }
        next[top] = i + 1;
        const d = deps[i] as T;
        const s = state.get(d);
        if (s === 2) continue;
        if (s === 1) {
          const onPath = path.slice(0, height);
          return [...onPath.slice(onPath.indexOf(d)), d];
        }
        state.set(d, 1);
        path[height] = d;
        next[height] = 0;
        height++;
      }
    }
    return undefined;
  }
}
