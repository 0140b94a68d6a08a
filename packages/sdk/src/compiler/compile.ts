import { CompileError, type Diagnostic, type SourceLocation } from "../core/errors.js";
import type { ArtifactSpec, ParamSpec, TaskModel, TemplateModel, WorkflowModel } from "../core/model.js";
import { isRef, refById, refData, TOKEN_RE, type RefTarget } from "../core/ref.js";
import { DependencyGraph } from "../core/dependencies.js";
import { dependsTasks } from "../core/depends.js";
import { ARGO_API_VERSION, mayHaveResult } from "../core/kinds.js";
import { checkGenerateName, checkObjectName, checkParamName, checkTemplateName } from "../core/names.js";
import { taskRefs } from "../core/task-refs.js";
import { isWorkflow, workflowModel, type WorkflowObject } from "../authoring/workflow.js";

/**
 * An Argo manifest as a plain object, keys in emission order.
 *
 * @example
 * ```ts
 * const m: Manifest = compile(wf); console.log(m.kind, m.metadata.name);
 * ```
 */
export type Manifest = { apiVersion: string; kind: string; metadata: Record<string, unknown>; spec: Record<string, unknown> } & Record<string, unknown>;


/** Where the placeholders in a value are being resolved. */
interface Ctx {
  readonly wf: WorkflowModel;
  readonly template: TemplateModel | undefined;
  readonly task: TaskModel | undefined;
  /** Tasks referenced (for dependency inference), in order of appearance. */
  readonly refs: TaskModel[];
  readonly label: string;
}

class Compilation {
  readonly problems: Diagnostic[] = [];
  readonly wfLabel: string;
  /** Emitted templates by name, with the model they came from. */
  readonly byName = new Map<string, { model: TemplateModel; lowered: Record<string, unknown> }>();
  readonly order: TemplateModel[] = [];
  readonly seen = new Set<TemplateModel>();
  /** Dependencies of every lowered DAG task (for cycle checks and transitive reduction). */
  readonly graph = new DependencyGraph<TaskModel>((t) => t.name);

  constructor(readonly wf: WorkflowModel) {
    this.wfLabel = `${wf.kind}/${String(wf.metadata.name ?? wf.metadata.generateName)}`;
  }

  report(code: string, message: string, where: { template?: string; task?: string; location?: SourceLocation | undefined } = {}): void {
    this.problems.push({ code, message, workflow: this.wfLabel, ...where, location: where.location ?? this.wf.location });
  }

  /** Adds a template and everything it calls, depth-first, in first-use order. */
  collect(root: TemplateModel): void {
    const stack: TemplateModel[] = [root];
    while (stack.length) {
      const t = stack.pop()!;
      if (this.seen.has(t)) continue;
      this.seen.add(t);
      if (t.templateRef) continue; // lives in another WorkflowTemplate
      if (!t.inline) this.order.push(t); // inline templates are written inside their task
      const children: TemplateModel[] = [];
      for (const task of t.tasks ?? []) children.push(task.template);
      for (const g of t.steps ?? []) for (const task of g) children.push(task.template);
      for (const task of t.tasks ?? []) collectTemplatesIn(task.fields, children);
      for (const g of t.steps ?? []) for (const task of g) collectTemplatesIn(task.fields, children);
      // Template values (hooks, onExit...) can sit in template-level fields, not in the
      // container/script/resource... body, which holds only Argo data.
      for (const k in t.fields) if (k !== t.kind) collectTemplatesIn(t.fields[k], children);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
}

function collectTemplatesIn(v: unknown, out: TemplateModel[]): void {
  if (isTemplateModel(v)) out.push(v);
  else if (Array.isArray(v)) for (const x of v) collectTemplatesIn(x, out);
  else if (v && typeof v === "object" && !isRef(v)) for (const k in v) collectTemplatesIn((v as Record<string, unknown>)[k], out);
}

function isTemplateModel(v: unknown): v is TemplateModel {
  return typeof v === "object" && v !== null && "kind" in v && "inputs" in v && "outputs" in v && "problems" in v && "id" in v;
}

/** Resolves one reference target to its Argo expression, or reports why it cannot be used here. */
function resolveTarget(c: Compilation, ctx: Ctx, target: RefTarget, where: { task?: string; template?: string }): string | undefined {
  const tmpl = ctx.template;
  switch (target.kind) {
    case "global":
      return target.expr;
    case "workflow-param":
      if (target.workflow.model !== ctx.wf) {
        c.report("E_FOREIGN_REF", `parameter "${target.name}" belongs to another workflow; pass it in as an input instead`, { ...where, location: ctx.task?.location });
        return undefined;
      }
      return `workflow.parameters.${target.name}`;
    case "input":
      if (target.template !== tmpl) {
        c.report("E_FOREIGN_REF", `input "${target.name}" of template "${target.template.name}" is used outside that template${tmpl ? ` (in "${tmpl.name}")` : ""}; pass it as an argument`, { ...where, location: ctx.task?.location ?? tmpl?.location });
        return undefined;
      }
      return `inputs.${target.what}.${target.name}`;
    case "item":
      if (!ctx.task || ctx.task.loopOwner !== target.loop) {
        c.report("E_ITEM_OUTSIDE_LOOP", "a loop item is used outside the forEach() callback that made it", { ...where, location: ctx.task?.location });
        return undefined;
      }
      return ["item", ...target.path].join(".");
    case "task-output":
    case "task-attr": {
      const t = target.task;
      const wfOfTask = workflowOf(t);
      if (wfOfTask && wfOfTask !== ctx.wf && t.scope.template !== tmpl) {
        c.report("E_FOREIGN_REF", `a reference to task "${t.name}" of another workflow is used here`, { ...where, location: ctx.task?.location });
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
        c.report("E_UNKNOWN_OUTPUT", `task "${t.name}" has no result: template "${t.template.name}" is a ${t.template.kind} template`, { ...where, location: ctx.task?.location });
        return undefined;
      }
      ctx.refs.push(t);
      const prefix = t.scope.kind === "dag" ? "tasks" : "steps";
      return target.kind === "task-attr" ? `${prefix}.${t.name}.${target.attr}` : `${prefix}.${t.name}.outputs.${target.what}.${target.name}`;
    }
  }
}

function workflowOf(t: TaskModel): WorkflowModel | undefined {
  const holder = t.scope.workflow as { model?: WorkflowModel } | undefined;
  return holder?.model;
}

/** Replaces placeholders in every string inside `v`, checks hand-written task references. */
/**
 * Resolves placeholders in a value. Copy on write: an object or array in which nothing changes is
 * returned as it is, so the manifest shares the model's unchanged parts (treat both as read-only).
 */
function resolve(c: Compilation, ctx: Ctx, v: unknown, where: { task?: string; template?: string }): unknown {
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
        out[k2] = o[k2];
      }
    }
    if (out) out[k] = r;
  }
  return out ?? o;
}

function resolveString(c: Compilation, ctx: Ctx, s: string, where: { task?: string; template?: string }): string {
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

/** `tasks.flip-coin.outputs.result` -> `tasks['flip-coin'].outputs.result` inside expressions. */
function exprForm(expr: string, quote: "'" | '"' = "'"): string {
  return expr
    .split(".")
    .map((part, i) => (i > 0 && /[^A-Za-z0-9_]/.test(part) ? `[${quote}${part}${quote}]` : (i > 0 ? "." : "") + part))
    .join("");
}

const taskIndex = new WeakMap<TemplateModel, Map<string, TaskModel>>();

function checkHandRefs(c: Compilation, ctx: Ctx, s: string, where: { task?: string; template?: string }): void {
  const tmpl = ctx.template!;
  let tasks = taskIndex.get(tmpl);
  if (!tasks) taskIndex.set(tmpl, (tasks = new Map((tmpl.tasks ?? tmpl.steps?.flat() ?? []).map((x) => [x.name, x]))));
  for (const r of taskRefs(s)) {
    const expected = tmpl.kind === "dag" ? "tasks" : "steps";
    const t = tasks.get(r.task);
    if (!t || r.scope !== expected) {
      c.report("E_UNKNOWN_TASK", `"${r.text}" refers to ${r.scope} "${r.task}", which is not in template "${tmpl.name}"`, { ...where, location: ctx.task?.location ?? tmpl.location });
      continue;
    }
    const out = r.output;
    if (out && t.template.kind !== "external" && !t.template.outputs[out.what].some((p) => p.name === out.name)) {
      const declared = t.template.outputs[out.what].map((p) => p.name).join(", ") || "none";
      c.report("E_UNKNOWN_OUTPUT", `"${r.text}": template "${t.template.name}" declares no output ${out.what === "parameters" ? "parameter" : "artifact"} "${out.name}" (declared: ${declared})`, { ...where, location: ctx.task?.location });
      continue;
    }
    if (ctx.task !== t) ctx.refs.push(t);
  }
}

function lowerParam(p: ParamSpec, asArgument: boolean): Record<string, unknown> {
  const o: Record<string, unknown> = { name: p.name };
  for (const [k, v] of Object.entries(p.fields)) {
    if (asArgument && k === "default" && p.fields.value === undefined) o.value = v;
    else o[k] = v;
  }
  return o;
}

function lowerArtifact(a: ArtifactSpec): Record<string, unknown> {
  return { name: a.name, ...a.fields };
}

function lowerIO(io: TemplateModel["inputs"], asArgument = false): Record<string, unknown> | undefined {
  const o: Record<string, unknown> = {};
  if (io.parameters.length) o.parameters = io.parameters.map((p) => lowerParam(p, asArgument));
  if (io.artifacts.length) o.artifacts = io.artifacts.map(lowerArtifact);
  return Object.keys(o).length ? o : undefined;
}

function lowerTask(c: Compilation, tmpl: TemplateModel, task: TaskModel, style: "depends" | "dependencies" | undefined): Record<string, unknown> {
  const where = { template: tmpl.name, task: task.name };
  const ctx: Ctx = { wf: c.wf, template: tmpl, task, refs: [], label: task.name };
  const nameProblem = checkTemplateName(task.name);
  if (nameProblem) c.report("E_BAD_NAME", `task name ${nameProblem}`, { ...where, location: task.location });

  const o: Record<string, unknown> = { name: task.name };
  if (task.template.templateRef) o.templateRef = { ...task.template.templateRef };
  else if (task.template.inline) {
    const { name: _name, ...body } = lowerTemplate(c, task.template);
    o.inline = body;
  } else o.template = task.template.name;
  const args: Record<string, unknown> = {};
  if (task.parameters.length) args.parameters = task.parameters.map(([name, value]) => ({ name, value: resolve(c, ctx, value, where) }));
  if (task.artifacts.length) {
    args.artifacts = task.artifacts.map(([name, value]) =>
      isRef(value) || typeof value === "string" ? { name, from: resolve(c, ctx, value, where) } : { name, ...(resolve(c, ctx, value, where) as object) },
    );
  }
  if (args.parameters || args.artifacts) o.arguments = args;
  const loop = task.loop;
  const loopOut: Record<string, unknown> = {};
  if (loop?.kind === "withItems") loopOut.withItems = loop.items;
  if (loop?.kind === "withParam") loopOut.withParam = resolve(c, ctx, loop.value, where);
  if (loop?.kind === "withSequence") loopOut.withSequence = resolve(c, ctx, loop.sequence, where);
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
    for (const t of task.after) if (t.scope !== task.scope) reportForeignDep(c, tmpl, task, t);
    if (task.depends) for (const t of dependsTasks(task.depends)) if (t.scope !== task.scope) reportForeignDep(c, tmpl, task, t);
    const plan = c.graph.plan(task, { after: task.after, depends: task.depends, refs: ctx.refs }, style);
    c.graph.set(task, plan.deps);
    if (plan.depends !== undefined) o.depends = plan.depends;
    if (plan.dependencies !== undefined) o.dependencies = plan.dependencies;
  } else if (task.after.length || task.depends) {
    c.report("E_STEPS_DEPENDS", "`after` and `depends` are for DAG tasks; in steps, order comes from the step groups", { ...where, location: task.location });
  }
  if (loop) Object.assign(o, loopOut);
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
  c.report("E_REF_OUTSIDE_DAG", `task "${task.name}" depends on "${t.name}", which is not in template "${tmpl.name}"`, { template: tmpl.name, task: task.name, location: task.location });
}


function lowerTemplate(c: Compilation, t: TemplateModel): Record<string, unknown> {
  const where = { template: t.name };
  const ctx: Ctx = { wf: c.wf, template: t, task: undefined, refs: [], label: t.name };
  const nameProblem = checkTemplateName(t.name);
  if (nameProblem) c.report("E_BAD_NAME", `template name ${nameProblem}`, { ...where, location: t.location });
  for (const p of [...t.inputs.parameters, ...t.inputs.artifacts, ...t.outputs.parameters, ...t.outputs.artifacts]) {
    const why = checkParamName(p.name);
    if (why) c.report("E_BAD_NAME", `input/output ${why}`, { ...where, location: t.location });
  }
  for (const d of t.problems) c.problems.push({ ...d, workflow: c.wfLabel, template: t.name });

  const o: Record<string, unknown> = { name: t.name };
  const inputs = lowerIO(t.inputs);
  if (inputs) o.inputs = resolve(c, ctx, inputs, where);
  if (t.kind === "dag") {
    const style = t.dag!.dependencyStyle;
    t.tasks!.forEach((task, i) => c.graph.place(task, i));
    const tasks = t.tasks!.map((task) => lowerTask(c, t, task, style));
    const cyc = c.graph.findCycle(t.tasks!);
    if (cyc) c.report("E_CYCLE", `dependency cycle: ${cyc.map((x) => x.name).join(" -> ")}`, { ...where, task: cyc[0]!.name, location: cyc[0]!.location });
    o.dag = { ...(resolve(c, ctx, t.dag!.fields, where) as Record<string, unknown>), tasks };
    if (!tasks.length) c.report("E_EMPTY_BODY", `DAG template "${t.name}" has no tasks`, { ...where, location: t.location });
  } else if (t.kind === "steps") {
    const seenSoFar = new Set<TaskModel>();
    o.steps = t.steps!.map((group) => {
      const lowered = group.map((task) => {
        return lowerTask(c, t, task, undefined);
      });
      for (const task of group) {
        for (const r of stepRefs(c, t, task)) {
          if (!seenSoFar.has(r)) c.report("E_STEP_ORDER", `step "${task.name}" uses an output of step "${r.name}", which does not run before it`, { ...where, task: task.name, location: task.location });
        }
      }
      for (const task of group) seenSoFar.add(task);
      return lowered;
    });
  }
  const outputs = lowerIO(t.outputs);
  const fields = resolve(c, ctx, t.fields, where) as Record<string, unknown>;
  if (outputs) o.outputs = resolve(c, ctx, outputs, where);
  const body = o.dag ?? o.steps;
  if (body !== undefined) {
    // keep name, inputs, outputs first, then the body
    delete o.dag;
    delete o.steps;
    o[t.kind] = body;
  }
  Object.assign(o, fields);
  return o;
}

function stepRefs(c: Compilation, t: TemplateModel, task: TaskModel): TaskModel[] {
  const ctx: Ctx = { wf: c.wf, template: t, task, refs: [], label: task.name };
  const probe = new Compilation(c.wf);
  resolve(probe, ctx, [task.parameters.map((p) => p[1]), task.artifacts.map((a) => a[1]), task.when, task.loop?.kind === "withParam" ? task.loop.value : undefined, task.fields], {});
  return ctx.refs;
}

function lowerWorkflowSpec(c: Compilation): Record<string, unknown> {
  const wf = c.wf;
  if (wf.entrypoint) c.collect(wf.entrypoint);
  for (const t of wf.templates) c.collect(t);
  const specFields: Record<string, unknown> = { ...wf.spec };
  if (isTemplateModel(specFields.onExit)) c.collect(specFields.onExit);
  collectTemplatesIn(specFields, []);
  const extra: TemplateModel[] = [];
  collectTemplatesIn(specFields, extra);
  for (const t of extra) c.collect(t);

  const spec: Record<string, unknown> = {};
  if (wf.entrypoint) spec.entrypoint = wf.entrypoint.templateRef ? wf.entrypoint.templateRef.template : wf.entrypoint.name;
  const args = lowerIO({ parameters: wf.parameters, artifacts: wf.artifacts }, true);
  const ctx: Ctx = { wf, template: undefined, task: undefined, refs: [], label: "spec" };
  const rest = resolve(c, ctx, specFields, {}) as Record<string, unknown>;
  const rawEntrypoint = rest.entrypoint;
  if (typeof rawEntrypoint === "string") {
    spec.entrypoint = rawEntrypoint;
    delete rest.entrypoint;
  }
  if (args) spec.arguments = args;

  const templates: Record<string, unknown>[] = [];
  for (const t of c.order) {
    const lowered = lowerTemplate(c, t);
    const prev = c.byName.get(t.name);
    if (prev) {
      // Only on a name collision: compare the two lowered templates.
      if (JSON.stringify(prev.lowered) !== JSON.stringify(lowered)) {
        c.report("E_DUPLICATE_TEMPLATE", `two different templates are named "${t.name}" (the other is at ${prev.model.location ? `${prev.model.location.file}:${prev.model.location.line}` : "?"}); rename one`, { template: t.name, location: t.location });
      }
      continue; // identical templates are emitted once
    }
    c.byName.set(t.name, { model: t, lowered });
    templates.push(lowered);
  }
  Object.assign(spec, rest);
  if (typeof spec.entrypoint === "string" && !c.byName.has(spec.entrypoint) && !wf.entrypoint?.templateRef && !rest.workflowTemplateRef) {
    c.report("E_NO_ENTRYPOINT", `entrypoint "${spec.entrypoint}" is not a template of this workflow (templates: ${[...c.byName.keys()].join(", ") || "none"})`);
  }
  if (typeof rest.onExit === "string" && !c.byName.has(rest.onExit)) {
    c.report("E_NO_TEMPLATE", `onExit "${rest.onExit}" is not a template of this workflow`);
  }
  if (wf.kind === "Workflow" && !spec.entrypoint && !rest.workflowTemplateRef) {
    c.report("E_NO_ENTRYPOINT", "a Workflow needs an entrypoint: give a body, an `entrypoint` template, or a workflowTemplateRef");
  }
  if (templates.length) spec.templates = templates;
  return spec;
}

/**
 * Compiles one workflow object to its Argo manifest. Throws a {@link CompileError} listing every
 * problem (with workflow, template, task and the file:line of the code that made it).
 *
 * @example
 * ```ts
 * const manifest = compile(myWorkflow);
 * console.log(manifest.kind, manifest.metadata.name);
 * ```
 */
export function compile(wf: WorkflowObject): Manifest {
  if (!isWorkflow(wf)) throw new TypeError("compile() takes a workflow object made by workflow(), workflowTemplate(), clusterWorkflowTemplate() or cronWorkflow()");
  const model = workflowModel(wf);
  const c = new Compilation(model);
  const { name, generateName } = model.metadata as { name?: string; generateName?: string };
  if (name) {
    const why = checkObjectName(name);
    if (why) c.report("E_BAD_NAME", `metadata.name ${why}`);
  } else if (generateName) {
    const why = checkGenerateName(generateName);
    if (why) c.report("E_BAD_NAME", why);
  }
  for (const p of model.parameters) {
    const why = checkParamName(p.name);
    if (why) c.report("E_BAD_NAME", `workflow parameter ${why}`);
  }
  const workflowSpec = lowerWorkflowSpec(c);
  if (c.problems.length) throw new CompileError(dedupe(c.problems));
  let spec: Record<string, unknown> = workflowSpec;
  if (model.kind === "CronWorkflow") {
    const cron = resolve(c, { wf: model, template: undefined, task: undefined, refs: [], label: "cron" }, model.cron ?? {}, {}) as Record<string, unknown>;
    spec = { ...cron, workflowSpec };
  }
  return { apiVersion: ARGO_API_VERSION, kind: model.kind, metadata: { ...model.metadata }, spec };
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}|${d.message}|${d.task}|${d.template}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Compiles several workflow objects; collects the problems of all of them before throwing.
 *
 * @example
 * ```ts
 * const manifests = compileAll([etl, nightly]);
 * ```
 */
export function compileAll(workflows: readonly WorkflowObject[]): Manifest[] {
  const out: Manifest[] = [];
  const problems: Diagnostic[] = [];
  for (const wf of workflows) {
    try {
      out.push(compile(wf));
    } catch (e) {
      if (e instanceof CompileError) problems.push(...e.diagnostics);
      else throw e;
    }
  }
  if (problems.length) throw new CompileError(problems);
  return out;
}
