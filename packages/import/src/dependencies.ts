/** Argo `depends` expressions, and a replay of how the compiler writes a task's dependencies. */
import { isObj, type Obj } from "./values.js";

export const STATUS: Record<string, string> = {
  Succeeded: "succeeded", Failed: "failed", Errored: "errored", Skipped: "skipped", Omitted: "omitted",
  Daemoned: "daemoned", AnySucceeded: "anySucceeded", AllFailed: "allFailed",
};
const HAND_REF = /\{\{\s*(tasks|steps)\.([A-Za-z0-9-]+)\.(?:outputs\.(parameters|artifacts)\.([A-Za-z0-9_-]+)|outputs\.parameters|outputs\.result|outputs\.exitCode|exitCode|status|id|ip|startedAt|finishedAt|hostNodeName)\s*\}\}/g;

export type DepNode = { op: "task"; task: string; status: string | undefined } | { op: "and" | "or"; items: DepNode[] } | { op: "not"; item: DepNode };

export function parseDepends(s: string): DepNode | undefined {
  const toks = s.match(/&&|\|\||!|\(|\)|[A-Za-z0-9_.-]+|\S/g) ?? [];
  let i = 0;
  const peek = () => toks[i];
  const orE = (): DepNode | undefined => {
    const items = [andE()];
    while (peek() === "||") {
      i++;
      items.push(andE());
    }
    if (items.some((x) => !x)) return undefined;
    return items.length === 1 ? items[0] : { op: "or", items: items as DepNode[] };
  };
  const andE = (): DepNode | undefined => {
    const items = [unary()];
    while (peek() === "&&") {
      i++;
      items.push(unary());
    }
    if (items.some((x) => !x)) return undefined;
    return items.length === 1 ? items[0] : { op: "and", items: items as DepNode[] };
  };
  const unary = (): DepNode | undefined => {
    const t = toks[i++];
    if (t === "!") {
      const item = unary();
      return item && { op: "not", item };
    }
    if (t === "(") {
      const e = orE();
      if (toks[i++] !== ")") return undefined;
      return e;
    }
    if (!t || !/^[A-Za-z0-9_.-]+$/.test(t)) return undefined;
    const dot = t.lastIndexOf(".");
    if (dot > 0 && STATUS[t.slice(dot + 1)]) return { op: "task", task: t.slice(0, dot), status: t.slice(dot + 1) };
    return { op: "task", task: t, status: undefined };
  };
  const e = orE();
  return e && i === toks.length ? e : undefined;
}

/** Argo `depends` text of a node, exactly as the compiler prints it. */
function printDepends(node: DepNode, top = true): string {
  switch (node.op) {
    case "task":
      return node.status ? `${node.task}.${node.status}` : node.task;
    case "not":
      return `!${printDepends(node.item, false)}`;
    default: {
      const s = node.items.map((i) => printDepends(i, false)).join(node.op === "and" ? " && " : " || ");
      return top || node.items.length < 2 ? s : `(${s})`;
    }
  }
}

export function dependsTasks(node: DepNode, out: string[] = []): string[] {
  if (node.op === "task") out.push(node.task);
  else if (node.op === "not") dependsTasks(node.item, out);
  else for (const i of node.items) dependsTasks(i, out);
  return out;
}

/** Replays the compiler's dependency inference (explicit, then inferred minus transitively implied). */
export class DepSim {
  readonly depsOf = new Map<string, string[]>();
  readonly order = new Map<string, number>();

  impliedBy(t: string, others: string[]): boolean {
    const floor = this.order.get(t) ?? 0;
    const seen = new Set<string>();
    const queue = others.filter((x) => (this.order.get(x) ?? 0) > floor);
    let budget = 512;
    while (queue.length && budget-- > 0) {
      const x = queue.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      for (const d of this.depsOf.get(x) ?? []) {
        if (d === t) return true;
        if ((this.order.get(d) ?? 0) > floor) queue.push(d);
      }
    }
    return false;
  }

  /** What the compiler writes for a task given `after`, `depends` and the tasks its values reference. */
  emit(after: string[], expr: DepNode | undefined, refs: string[], style: "depends" | "dependencies"): { depends?: string; dependencies?: string[]; deps: string[] } {
    const inDepends = expr ? dependsTasks(expr) : [];
    const mentioned = new Set([...after, ...inDepends]);
    const inferred: string[] = [];
    for (const t of refs) if (!mentioned.has(t) && !inferred.includes(t)) inferred.push(t);
    const needed = inferred.filter((t) => !this.impliedBy(t, [...mentioned, ...inferred.filter((x) => x !== t)]));
    const deps = [...mentioned, ...needed];
    if (expr) return { depends: [printDepends(expr, needed.length === 0 && after.length === 0), ...after, ...needed].join(" && "), deps };
    const all = [...after, ...needed];
    if (!all.length) return { deps };
    return style === "dependencies" ? { dependencies: all, deps } : { depends: all.join(" && "), deps };
  }
}

export function taskRefs(task: Obj, prefix: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      for (const m of v.matchAll(HAND_REF)) if (m[1] === prefix && m[2] !== task.name) out.push(m[2]!);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (isObj(v)) Object.values(v).forEach(walk);
  };
  const args = isObj(task.arguments) ? task.arguments : {};
  walk(args.parameters);
  walk(args.artifacts);
  walk(task.withParam);
  walk(task.withSequence);
  walk(task.when);
  const { name: _n, template: _t, inline: _il, arguments: _a, dependencies: _d, depends: _p, when: _w, withItems: _i, withParam: _wp, withSequence: _s, ...rest } = task;
  walk(rest);
  return out;
}
