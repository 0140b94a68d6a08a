import { dependsTasks } from "../core/depends.js";
import type { TaskModel, TemplateModel } from "../core/model.js";
import { checkTemplateName } from "../core/names.js";
import { isRef } from "../core/ref.js";
import type { Compilation, Ctx } from "./compilation.js";
import { resolve } from "./resolve.js";

/** Lowers a template in a task's `inline:` (passed in: lowering templates and tasks recurse). */
export type LowerTemplate = (c: Compilation, t: TemplateModel) => Record<string, unknown>;

/**
 * Lowers one task of a DAG (`style` given: its dependencies are decided here) or one step, with
 * its arguments, loop, condition and other fields resolved.
 */
export function lowerTask(
  c: Compilation,
  tmpl: TemplateModel,
  task: TaskModel,
  style: "depends" | "dependencies" | undefined,
  lowerTemplate: LowerTemplate,
): Record<string, unknown> {
  const where = { template: tmpl.name, task: task.name };
  const ctx: Ctx = { wf: c.wf, template: tmpl, task, refs: [] };
  const nameProblem = checkTemplateName(task.name);
  if (nameProblem) c.report("E_BAD_NAME", `task name ${nameProblem}`, { ...where, location: task.location });

  const o: Record<string, unknown> = { name: task.name };
  if (task.template.templateRef) o.templateRef = { ...task.template.templateRef };
  else if (task.template.inline) {
    const { name: _name, ...body } = lowerTemplate(c, task.template);
    o.inline = body;
  } else o.template = task.template.name;
  const args: Record<string, unknown> = {};
  if (task.parameters.length)
    args.parameters = task.parameters.map(([name, value]) => ({ name, value: resolve(c, ctx, value, where) }));
  if (task.artifacts.length) {
    args.artifacts = task.artifacts.map(([name, value]) =>
      isRef(value) || typeof value === "string"
        ? { name, from: resolve(c, ctx, value, where) }
        : { name, ...(resolve(c, ctx, value, where) as object) },
    );
  }
  if (args.parameters || args.artifacts) o.arguments = args;
  const loop = task.loop;
  let loopOut: Record<string, unknown> | undefined;
  if (loop) {
    loopOut = {};
    if (loop.kind === "withItems") loopOut.withItems = loop.items;
    if (loop.kind === "withParam") loopOut.withParam = resolve(c, ctx, loop.value, where);
    if (loop.kind === "withSequence") loopOut.withSequence = resolve(c, ctx, loop.sequence, where);
  }
  const when = task.when === undefined ? undefined : resolve(c, ctx, task.when, where);
  let fields: Record<string, unknown> | undefined;
  if (!isEmpty(task.fields)) {
    const { hooks, ...otherFields } = task.fields as Record<string, unknown>;
    fields = resolve(c, ctx, otherFields, where) as Record<string, unknown>;
    if (hooks !== undefined) {
      // Hooks run when the task ends: they may use the task's own outputs, and make no dependencies.
      if (fields === otherFields) fields = { ...otherFields };
      fields.hooks = resolve(c, { ...ctx, task: undefined, refs: [] }, hooks, where);
    }
  }

  if (style) {
    // Dependencies: explicit `after` and `depends`, plus every task whose output is used.
    for (let i = 0; i < task.after.length; i++) {
      const t = task.after[i]!;
      if (t.scope !== task.scope) reportForeignDep(c, tmpl, task, t);
    }
    if (task.depends)
      for (const t of dependsTasks(task.depends)) if (t.scope !== task.scope) reportForeignDep(c, tmpl, task, t);
    const plan = c.graph.plan(task, { after: task.after, depends: task.depends, refs: ctx.refs }, style);
    c.graph.set(task, plan.deps);
    if (plan.depends !== undefined) o.depends = plan.depends;
    if (plan.dependencies !== undefined) o.dependencies = plan.dependencies;
  } else if (task.after.length || task.depends) {
    c.report("E_STEPS_DEPENDS", "`after` and `depends` are for DAG tasks; in steps, order comes from the step groups", {
      ...where,
      location: task.location,
    });
  }
  if (loopOut) Object.assign(o, loopOut);
  if (when !== undefined) o.when = when;
  if (!fields) return o;
  const extraArgs = fields.arguments as Record<string, unknown[]> | undefined;
  if (extraArgs && o.arguments) {
    // undeclared arguments given through `extra.arguments` come after the declared ones
    const merged: Record<string, unknown[]> = { ...(o.arguments as Record<string, unknown[]>) };
    for (const [k, list] of Object.entries(extraArgs)) merged[k] = [...(merged[k] ?? []), ...list];
    fields = { ...fields, arguments: merged };
  }
  Object.assign(o, fields);
  return o;
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

function reportForeignDep(c: Compilation, tmpl: TemplateModel, task: TaskModel, t: TaskModel): void {
  c.report("E_REF_OUTSIDE_DAG", `task "${task.name}" depends on "${t.name}", which is not in template "${tmpl.name}"`, {
    template: tmpl.name,
    task: task.name,
    location: task.location,
  });
}
