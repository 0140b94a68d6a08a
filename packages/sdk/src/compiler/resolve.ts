import { mayHaveResult } from "../core/kinds.js";
import type { TaskModel, TemplateModel, WorkflowModel } from "../core/model.js";
import { setOwn } from "../core/own-key.js";
import { exprForm, isRef, type RefTarget, refById, refData, TOKEN_RE } from "../core/ref.js";
import { mayHoldTaskRefs, taskRefList } from "../core/task-refs.js";
import { isTemplateModel } from "./collect.js";
import type { Compilation, Ctx, Where } from "./compilation.js";

/** Resolves one reference target to its Argo expression, or reports why it cannot be used here. */
function resolveTarget(c: Compilation, ctx: Ctx, target: RefTarget, where: Where): string | undefined {
  const tmpl = ctx.template;
  switch (target.kind) {
    case "global":
      return target.expr;
    case "workflow-param":
      if (target.workflow.model !== ctx.wf) {
        c.report(
          "E_FOREIGN_REF",
          `parameter "${target.name}" belongs to another workflow; pass it in as an input instead`,
          { ...where, location: ctx.task?.location },
        );
        return undefined;
      }
      return `workflow.parameters.${target.name}`;
    case "input":
      if (target.template !== tmpl) {
        c.report(
          "E_FOREIGN_REF",
          `input "${target.name}" of template "${target.template.name}" is used outside that template${tmpl ? ` (in "${tmpl.name}")` : ""}; pass it as an argument`,
          { ...where, location: ctx.task?.location ?? tmpl?.location },
        );
        return undefined;
      }
      return `inputs.${target.what}.${target.name}`;
    case "item":
      if (!ctx.task || ctx.task.loopOwner !== target.loop) {
        c.report("E_ITEM_OUTSIDE_LOOP", "a loop item is used outside the forEach() callback that made it", {
          ...where,
          location: ctx.task?.location,
        });
        return undefined;
      }
      return ["item", ...target.path].join(".");
    case "task-output":
    case "task-attr": {
      const t = target.task;
      const wfOfTask = workflowOf(t);
      if (wfOfTask && wfOfTask !== ctx.wf && t.scope.template !== tmpl) {
        c.report("E_FOREIGN_REF", `a reference to task "${t.name}" of another workflow is used here`, {
          ...where,
          location: ctx.task?.location,
        });
        return undefined;
      }
      if (!tmpl || t.scope.template !== tmpl) {
        c.report(
          "E_REF_OUTSIDE_DAG",
          `task "${t.name}" of template "${t.scope.template?.name ?? "?"}" is referenced from ${tmpl ? `template "${tmpl.name}"` : "outside any template"}; a reference can only be used in the DAG or steps body that made the task (pass it through inputs/outputs)`,
          { ...where, location: ctx.task?.location ?? t.location },
        );
        return undefined;
      }
      if (ctx.task === t) {
        c.report("E_CYCLE", `task "${t.name}" refers to its own output`, { ...where, location: t.location });
        return undefined;
      }
      if (target.kind === "task-attr" && target.attr === "outputs.result" && !mayHaveResult(t.template.kind)) {
        c.report(
          "E_UNKNOWN_OUTPUT",
          `task "${t.name}" has no result: template "${t.template.name}" is a ${t.template.kind} template`,
          { ...where, location: ctx.task?.location },
        );
        return undefined;
      }
      ctx.refs.push(t);
      const prefix = t.scope.kind === "dag" ? "tasks" : "steps";
      return target.kind === "task-attr"
        ? `${prefix}.${t.name}.${target.attr}`
        : `${prefix}.${t.name}.outputs.${target.what}.${target.name}`;
    }
  }
}

function workflowOf(t: TaskModel): WorkflowModel | undefined {
  const holder = t.scope.workflow as { model?: WorkflowModel } | undefined;
  return holder?.model;
}

/**
 * Resolves placeholders in a value (and checks hand-written task references in its strings). Copy on write: an object or array in which nothing changes is
 * returned as it is, so the manifest shares the model's unchanged parts (treat both as read-only).
 */
export function resolve(c: Compilation, ctx: Ctx, v: unknown, where: Where): unknown {
  if (typeof v === "string") return resolveString(c, ctx, v, where);
  if (v === null || typeof v !== "object") return v;
  if (isRef(v)) {
    const expr = resolveTarget(c, ctx, refData(v).target, where);
    return expr === undefined ? String(v) : `{{${expr}}}`;
  }
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      const r = resolve(c, ctx, x, where);
      if (r !== x && !out) out = v.slice(0, i);
      if (out) out.push(r);
    }
    return out ?? v;
  }
  if (isTemplateModel(v)) return v.name;
  const o = v as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const k in o) {
    const x = o[k];
    const r = resolve(c, ctx, x, where);
    if (r !== x && !out) {
      out = {};
      for (const k2 in o) {
        if (k2 === k) break;
        setOwn(out, k2, o[k2]);
      }
    }
    if (out) setOwn(out, k, r);
  }
  return out ?? o;
}

function resolveString(c: Compilation, ctx: Ctx, s: string, where: Where): string {
  // Hand-written references (`{{tasks.x.outputs.parameters.y}}`) are checked in the text as the
  // user wrote it; placeholders are resolved (and checked) by target.
  if (ctx.template) checkHandRefs(c, ctx, s, where);
  if (!s.includes("⟦wfc:")) return s;
  return s.replace(TOKEN_RE, (m, id: string, e: string | undefined) => {
    const ref = refById(Number(id));
    if (!ref) {
      c.report("E_BAD_REF", `unknown reference placeholder ${m}`, where);
      return m;
    }
    const expr = resolveTarget(c, ctx, refData(ref).target, where);
    if (expr === undefined) return m;
    return e ? exprForm(expr, e === ":E" ? '"' : "'") : `{{${expr}}}`;
  });
}

const taskIndex = new WeakMap<TemplateModel, Map<string, TaskModel>>();

function checkHandRefs(c: Compilation, ctx: Ctx, s: string, where: Where): void {
  if (!mayHoldTaskRefs(s)) return;
  const refs = taskRefList(s);
  if (!refs.length) return;
  const tmpl = ctx.template!;
  let tasks = taskIndex.get(tmpl);
  if (!tasks) taskIndex.set(tmpl, (tasks = new Map((tmpl.tasks ?? tmpl.steps?.flat() ?? []).map((x) => [x.name, x]))));
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]!;
    const expected = tmpl.kind === "dag" ? "tasks" : "steps";
    const t = tasks.get(r.task);
    if (!t || r.scope !== expected) {
      c.report(
        "E_UNKNOWN_TASK",
        `"${r.text}" refers to ${r.scope} "${r.task}", which is not in template "${tmpl.name}"`,
        { ...where, location: ctx.task?.location ?? tmpl.location },
      );
      continue;
    }
    const out = r.output;
    if (out && t.template.kind !== "external" && !t.template.outputs[out.what].some((p) => p.name === out.name)) {
      const declared = t.template.outputs[out.what].map((p) => p.name).join(", ") || "none";
      c.report(
        "E_UNKNOWN_OUTPUT",
        `"${r.text}": template "${t.template.name}" declares no output ${out.what === "parameters" ? "parameter" : "artifact"} "${out.name}" (declared: ${declared})`,
        { ...where, location: ctx.task?.location },
      );
      continue;
    }
    if (ctx.task !== t) ctx.refs.push(t);
  }
}
