import type { TemplateModel } from "../core/model.js";
import { isRef } from "../core/ref.js";
import type { Compilation } from "./compilation.js";

/** Adds a template and everything it calls to `c.order`, depth-first, in first-use order. */
export function collect(c: Compilation, root: TemplateModel): void {
  const stack: TemplateModel[] = [root];
  while (stack.length) {
    const t = stack.pop()!;
    if (c.seen.has(t)) continue;
    c.seen.add(t);
    if (t.templateRef) continue; // lives in another WorkflowTemplate
    if (!t.inline) c.order.push(t); // inline templates are written inside their task
    const children: TemplateModel[] = [];
    const tasks = t.tasks ?? [];
    for (let i = 0; i < tasks.length; i++) children.push(tasks[i]!.template);
    for (const g of t.steps ?? []) for (const task of g) children.push(task.template);
    for (let i = 0; i < tasks.length; i++) collectTemplatesIn(tasks[i]!.fields, children);
    for (const g of t.steps ?? []) for (const task of g) collectTemplatesIn(task.fields, children);
    // Template values (hooks, onExit...) can sit in template-level fields, not in the
    // container/script/resource... body, which holds only Argo data.
    for (const k in t.fields) if (k !== t.kind) collectTemplatesIn(t.fields[k], children);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** Pushes every template model found in a value (hooks, onExit, ...) onto `out`. */
export function collectTemplatesIn(v: unknown, out: TemplateModel[]): void {
  if (isTemplateModel(v)) out.push(v);
  else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) collectTemplatesIn(v[i], out);
  else if (v && typeof v === "object" && !isRef(v))
    for (const k in v) collectTemplatesIn((v as Record<string, unknown>)[k], out);
}

/** True for a template model (not a template value). */
export function isTemplateModel(v: unknown): v is TemplateModel {
  return (
    typeof v === "object" &&
    v !== null &&
    "kind" in v &&
    "inputs" in v &&
    "outputs" in v &&
    "problems" in v &&
    "id" in v
  );
}
