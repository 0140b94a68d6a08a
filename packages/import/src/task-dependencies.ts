/**
 * A DAG task's `depends` or `dependencies` as wfc options (`after`, `depends`), chosen so that the
 * compiler writes back exactly what the input has. What the compiler writes is asked of the SDK's
 * one dependency model (`DependencyGraph`: inference, implied-dependency reduction), the grammar
 * of `depends` and of hand-written task references are the SDK's too.
 */
import {
  type DependencyPlan,
  type DependsNode,
  dependsTasks,
  parseDepends,
  taskRefs,
  WfcError,
} from "@wfc/sdk/internal";
import { ImportError, unsupported } from "./errors.js";
import type { BodyCtx } from "./generation.js";
import type { Module } from "./module.js";
import type { TaskVar } from "./placeholders.js";
import { arr, type Code, call, raw } from "./printer.js";
import { isObj, type Obj } from "./values.js";

/** A depends expression as `and`/`or`/`not` calls of task handles (`a.failed`: the status, lower camel case). */
function dependsCode(node: DependsNode, vars: Map<string, TaskVar>, m: Module): Code {
  switch (node.kind) {
    case "task": {
      const v = vars.get(node.task)!;
      v.used = true;
      return raw(node.status ? `${v.ident}.${node.status[0]!.toLowerCase()}${node.status.slice(1)}` : v.ident);
    }
    case "not":
      return call(m.use("not"), [dependsCode(node.operand, vars, m)]);
    default:
      return call(
        m.use(node.kind),
        node.operands.map((o) => dependsCode(o, vars, m)),
      );
  }
}

/**
 * The tasks a DAG task's values reference by hand-written `{{tasks.x....}}` placeholders, in the
 * order the compiler meets them (arguments, loop, `when`, other fields). Hooks make no
 * dependencies (they run when the task ends), as in the compiler.
 */
function referencedTasks(task: Obj): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      for (const r of taskRefs(v)) if (r.scope === "tasks" && r.task !== task.name) out.push(r.task);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (isObj(v)) Object.values(v).forEach(walk);
  };
  const args = isObj(task.arguments) ? task.arguments : {};
  walk(args.parameters);
  walk(args.artifacts);
  walk(task.withParam);
  walk(task.withSequence);
  walk(task.when);
  const {
    name: _n,
    template: _t,
    inline: _il,
    arguments: _a,
    dependencies: _d,
    depends: _p,
    when: _w,
    withItems: _i,
    withParam: _wp,
    withSequence: _s,
    hooks: _h,
    ...rest
  } = task;
  walk(rest);
  return out;
}

/** The input's `depends` expression, parsed by the SDK's grammar (a syntax error is the input's). */
function parseInputDepends(text: string, where: string): DependsNode {
  try {
    return parseDepends(text);
  } catch (e) {
    if (e instanceof WfcError && e.code === "E_DEPENDS_SYNTAX")
      throw new ImportError("E_IMPORT_INVALID", `${where}: ${e.message}`, { cause: e });
    throw e;
  }
}

/**
 * Adds `after` and `depends` options for a DAG task to `opts`: the first way of writing them for
 * which the compiler gives back exactly the input's `depends`/`dependencies`, and records the
 * task's dependencies in the body's graph. Throws an {@link ImportError} when there is none.
 */
export function depOptions(ctx: BodyCtx, task: Obj, v: TaskVar, opts: [string, Code][], where: string): void {
  const { scope, graph, style, g } = ctx;
  const tname = v.name;
  graph.place(tname, v.index);
  const refs = referencedTasks(task);
  let want: { depends?: string; dependencies?: string[] };
  let plain: string[] | undefined;
  let expr: DependsNode | undefined;
  if (Array.isArray(task.dependencies)) {
    want = { dependencies: task.dependencies.map(String) };
    plain = want.dependencies;
    if (task.depends !== undefined) unsupported(where, "both depends and dependencies");
  } else if (typeof task.depends === "string") {
    want = { depends: task.depends };
    expr = parseInputDepends(task.depends, where);
    const conj = expr.kind === "and" ? expr.operands : [expr];
    const names = conj.flatMap((x) => (x.kind === "task" && !x.status ? [x.task] : []));
    if (names.length === conj.length && names.join(" && ") === task.depends) {
      plain = names;
      expr = undefined;
    }
  } else if (task.depends === undefined && task.dependencies === undefined) {
    want = {};
    plain = [];
  } else unsupported(where, "depends/dependencies of an unexpected type");
  for (const n of [...(plain ?? []), ...(expr ? dependsTasks(expr) : [])]) {
    if (!scope.tasks.has(n)) unsupported(where, `depends on "${n}", which is not a task listed before it`);
  }
  const same = (r: DependencyPlan<string>) =>
    r.depends === want.depends && JSON.stringify(r.dependencies) === JSON.stringify(want.dependencies);
  // The ways of writing it, simplest first: `after` the tasks not already implied by references, ...
  const candidates: { after: string[]; expr: DependsNode | undefined }[] = [];
  if (plain) {
    candidates.push({ after: plain.filter((x) => !refs.includes(x)), expr: undefined });
    candidates.push({ after: plain, expr: undefined });
  } else if (expr) {
    candidates.push({ after: [], expr });
    if (expr.kind === "and") {
      // ... or trailing plain tasks of a conjunction as `after`.
      const operands = [...expr.operands];
      const after: string[] = [];
      for (
        let last = operands.at(-1);
        operands.length > 1 && last?.kind === "task" && !last.status;
        last = operands.at(-1)
      ) {
        after.unshift(last.task);
        operands.pop();
        candidates.push({
          after: [...after],
          expr: operands.length === 1 ? operands[0] : { kind: "and", operands: [...operands] },
        });
      }
    }
  }
  const wantStyle = want.dependencies ? "dependencies" : "depends";
  for (const c of candidates) {
    const r = graph.plan(tname, { after: c.after, depends: c.expr, refs }, style);
    if (same(r) && (plain ? !c.after.length || wantStyle === style || (!want.depends && !want.dependencies) : true)) {
      graph.set(tname, r.deps);
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
  }
  const got = graph.plan(tname, { after: plain ?? [], depends: expr, refs }, style);
  unsupported(
    where,
    `dependencies cannot be reproduced exactly: the input has ${JSON.stringify(want)}, the compiler would write ${JSON.stringify({ depends: got.depends, dependencies: got.dependencies })}`,
  );
}
