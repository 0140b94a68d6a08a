/** DAG and steps templates: their body of tasks (step groups in `parallel()`, nested recursive templates). */
import { DependencyGraph } from "@wfc/sdk/internal";
import { bodyOutputs } from "./body-outputs.js";
import { unsupported } from "./errors.js";
import { type BodyCtx, type Gen, inputScope, paramsPattern } from "./generation.js";
import type { Namer } from "./names.js";
import type { TaskVar } from "./placeholders.js";
import type { TemplateInfo } from "./plan.js";
import { arr, arrow, block, type Code, call, literal, obj, post, stmt, str } from "./printer.js";
import { taskStatement } from "./tasks.js";
import { templateOptions } from "./templates.js";
import type { Obj } from "./values.js";

/** A DAG or steps template as `dag(options, (inputs, self?) => { ...tasks })` (or `steps`). */
export function bodyTemplate(g: Gen, t: TemplateInfo, parentNames: Namer = g.m.names): Code {
  const names = parentNames.child();
  const isDag = t.kind === "dag";
  const scope = inputScope(g, t, names, isDag ? "tasks" : "steps");
  const y = t.yaml;
  const extra: [string, Code][] = [];
  let tasks: Obj[][];
  let style: "depends" | "dependencies" = "depends";
  if (isDag) {
    const d = y.dag as Obj;
    for (const k of Object.keys(d))
      if (!["tasks", "target", "failFast"].includes(k)) unsupported(scope.where, `dag field "${k}"`);
    const list = (d.tasks as Obj[] | null) ?? [];
    if (list.some((x) => Array.isArray(x.dependencies))) style = "dependencies";
    if (style === "dependencies") extra.push(["dependencyStyle", str(["dependencies"])]);
    if (d.failFast !== undefined) extra.push(["failFast", literal(d.failFast)]);
    if (d.target !== undefined) extra.push(["target", literal(d.target)]);
    tasks = list.map((x) => [x]);
  } else {
    tasks = ((y.steps as unknown[] | null) ?? []).map((grp) => {
      if (!Array.isArray(grp)) unsupported(scope.where, "a step group that is not a list");
      return grp as Obj[];
    });
  }
  const nested = g.nested.get(t) ?? [];
  const self = t.calls.includes(t.name) || nested.length ? names.take("self") : undefined;
  const ctx: BodyCtx = { g, t, scope, names, style, graph: new DependencyGraph<string>((t) => t), stmts: [], self };
  if (self) g.selfs.set(t, self);
  // Templates that call this one back: defined here, where they can call it through `self`.
  for (const n of nested) {
    n.ident = names.take(n.name, "Template");
    const code = stmt(`const ${n.ident} = `, bodyTemplate(g, n, names));
    ctx.stmts.push({ code: () => code });
  }
  let index = 0;
  tasks.forEach((group, gi) => {
    scope.group = gi;
    if (!group.length) {
      // `- []`: an empty step group, which Argo accepts.
      g.m.use("parallel");
      ctx.stmts.push({ code: () => stmt("", call("parallel", [arrow("()", block([]))])) });
      return;
    }
    if (!isDag && group.length > 1) {
      const inner: { code: () => Code; task?: TaskVar; call?: Code }[] = [];
      for (const task of group) inner.push(taskStatement(ctx, task, index++, gi, true));
      g.m.use("parallel");
      ctx.stmts.push({
        code: () => {
          const used = inner.map((s) => s.task!.used);
          if (!used.includes(true)) return stmt("", call("parallel", [arrow("()", block(inner.map((s) => s.code())))]));
          // Later groups use some of these tasks: parallel() returns them.
          const pattern = inner
            .slice(0, used.lastIndexOf(true) + 1)
            .map((s) => (s.task!.used ? s.task!.ident : ""))
            .join(", ");
          return stmt(
            `const [${pattern}] = `,
            call("parallel", [arrow("()", post(arr(inner.map((s) => s.call!)), " as const"))]),
          );
        },
      });
    } else {
      for (const task of group) ctx.stmts.push(taskStatement(ctx, task, index++, gi));
    }
  });
  const { returned: ret, outputs: outYaml } = bodyOutputs(ctx);
  g.selfs.delete(t);
  const stmts = ctx.stmts.map((s) => s.code());
  if (ret.length) stmts.push(stmt("return ", obj(ret)));
  const options = templateOptions(g, { ...t, yaml: { ...y, outputs: outYaml } }, extra);
  const factory = g.m.use(t.kind);
  return call(factory, [options, arrow(paramsPattern(scope, ctx.self), block(stmts))]);
}
