/**
 * A DAG task's `depends` or `dependencies` as wfc options (`after`, `depends`), chosen so that the
 * compiler writes back exactly what the input has.
 */
import { dependsTasks, parseDepends, STATUS, taskRefs, type DepNode } from "./dependencies.js";
import { unsupported } from "./errors.js";
import type { BodyCtx } from "./generation.js";
import type { Module } from "./module.js";
import type { TaskVar } from "./placeholders.js";
import { arr, call, raw, type Code } from "./printer.js";
import type { Obj } from "./values.js";

function dependsCode(node: DepNode, vars: Map<string, TaskVar>, m: Module): Code {
  switch (node.op) {
    case "task": {
      const v = vars.get(node.task)!;
      v.used = true;
      return raw(node.status ? `${v.ident}.${STATUS[node.status]}` : v.ident);
    }
    case "not":
      return call(m.use("not"), [dependsCode(node.item, vars, m)]);
    default:
      return call(m.use(node.op), node.items.map((i) => dependsCode(i, vars, m)));
  }
}

export function depOptions(ctx: BodyCtx, task: Obj, v: TaskVar, opts: [string, Code][], where: string): void {
  const { scope, sim, style, g } = ctx;
  const tname = v.name;
  sim.order.set(tname, v.index);
  const refs = taskRefs(task, "tasks").filter((r) => scope.tasks.has(r) || r === tname || true);
  let want: { depends?: string; dependencies?: string[] };
  let plain: string[] | undefined;
  let expr: DepNode | undefined;
  if (Array.isArray(task.dependencies)) {
    want = { dependencies: task.dependencies.map(String) };
    plain = want.dependencies;
    if (task.depends !== undefined) unsupported(where, "both depends and dependencies");
  } else if (typeof task.depends === "string") {
    want = { depends: task.depends };
    expr = parseDepends(task.depends);
    if (!expr) unsupported(where, `depends expression ${JSON.stringify(task.depends)} does not parse`);
    const conj = expr.op === "and" ? expr.items : [expr];
    if (conj.every((x) => x.op === "task" && !x.status) && conj.map((x) => (x as { task: string }).task).join(" && ") === task.depends) {
      plain = conj.map((x) => (x as { task: string }).task);
      expr = undefined;
    }
  } else if (task.depends === undefined && task.dependencies === undefined) {
    want = {};
    plain = [];
  } else unsupported(where, "depends/dependencies of an unexpected type");
  for (const n of [...(plain ?? []), ...(expr ? dependsTasks(expr) : [])]) {
    if (!scope.tasks.has(n)) unsupported(where, `depends on "${n}", which is not a task listed before it`);
  }
  const same = (r: { depends?: string; dependencies?: string[] }) =>
    r.depends === want.depends && JSON.stringify(r.dependencies) === JSON.stringify(want.dependencies);
  const plainStyle = style;
  const candidates: { after: string[]; expr: DepNode | undefined }[] = [];
  if (plain) {
    candidates.push({ after: plain.filter((x) => !refs.includes(x)), expr: undefined });
    candidates.push({ after: plain, expr: undefined });
  } else if (expr) {
    candidates.push({ after: [], expr });
    if (expr.op === "and") {
      const items = [...expr.items];
      const after: string[] = [];
      while (items.length > 1 && items[items.length - 1]!.op === "task" && !(items[items.length - 1] as { status?: string }).status) {
        after.unshift((items.pop() as { task: string }).task);
        candidates.push({ after: [...after], expr: items.length === 1 ? items[0] : { op: "and", items: [...items] } });
      }
    }
  }
  for (const c of candidates) {
    const saved = new Map(sim.depsOf);
    const r = sim.emit(c.after, c.expr, refs, plainStyle);
    const wantStyle = want.dependencies ? "dependencies" : "depends";
    if (same(r) && (plain ? !c.after.length || wantStyle === style || !want.depends && !want.dependencies : true)) {
      sim.depsOf.set(tname, r.deps);
      if (c.expr) opts.push(["depends", dependsCode(c.expr, scope.tasks, g.m)]);
      if (c.after.length) {
        const ids = c.after.map((n) => {
          const tv = scope.tasks.get(n)!;
          tv.used = true;
          return raw(tv.ident);
        });
        opts.push(["after", ids.length === 1 ? ids[0]! : arr(ids)]);
      }
      return;
    }
    sim.depsOf.clear();
    for (const [k, x] of saved) sim.depsOf.set(k, x);
  }
  const got = sim.emit(plain ?? [], expr, refs, plainStyle);
  unsupported(where, `dependencies cannot be reproduced exactly: the input has ${JSON.stringify(want)}, the compiler would write ${JSON.stringify({ depends: got.depends, dependencies: got.dependencies })}`);
}
