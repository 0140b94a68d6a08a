/** One manifest (Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow) as template consts and a workflow object. */
import type { WorkflowKind } from "@wfc/sdk/internal";
import { bodyTemplate } from "./body.js";
import { workflowArgs } from "./declarations.js";
import { invalid, unsupported } from "./errors.js";
import { extraCode } from "./extra-fields.js";
import type { Gen } from "./generation.js";
import type { Module } from "./module.js";
import { bodyTasks, hookTemplates, LEAF_KINDS, planTemplates, type TemplateInfo, templateInfo } from "./plan.js";
import { arr, type Code, call, literal, obj, print, raw, stmt } from "./printer.js";
import { templateRefs } from "./template-refs.js";
import { leafTemplate } from "./templates.js";
import { isObj, type Obj } from "./values.js";

const WORKFLOW_FACTORY: Record<WorkflowKind, string> = {
  Workflow: "workflow",
  WorkflowTemplate: "workflowTemplate",
  ClusterWorkflowTemplate: "clusterWorkflowTemplate",
  CronWorkflow: "cronWorkflow",
};

export function documentCode(m: Module, doc: Obj, label: string, exportName: string | undefined): string[] {
  const kind = doc.kind as WorkflowKind; // checked by importManifests
  const meta = isObj(doc.metadata) ? doc.metadata : {};
  const rawSpec = isObj(doc.spec) ? doc.spec : {};
  let spec: Obj = rawSpec;
  const cronEntries: [string, Code][] = [];
  if (kind === "CronWorkflow") {
    const { workflowSpec, workflowMetadata, schedules, ...cron } = rawSpec;
    if (!Array.isArray(schedules))
      unsupported(label, "a CronWorkflow without `schedules` (the singular `schedule` is not in wfc's API)");
    spec = isObj(workflowSpec) ? workflowSpec : {};
    cronEntries.push(["schedules", literal(schedules)]);
    if (Object.keys(cron).length) cronEntries.push(["cron", literal(cron)]);
    if (workflowMetadata !== undefined) cronEntries.push(["workflowMetadata", literal(workflowMetadata)]);
  }
  const infos = ((spec.templates as Obj[] | undefined) ?? []).map((t) =>
    templateInfo(t, `${label}: template "${String(t.name)}"`),
  );
  const byName = new Map<string, TemplateInfo>();
  for (const i of infos) {
    if (byName.has(i.name)) unsupported(label, `two templates named "${i.name}"`);
    byName.set(i.name, i);
  }
  // Inline templates: named after their task (the name is not written; the task then needs none).
  const inlines = new Map<Obj, TemplateInfo>();
  const inlineOf = new Map<TemplateInfo, TemplateInfo[]>();
  for (const t of infos) {
    for (const task of bodyTasks(t)) {
      if (!isObj(task.inline) || task.template !== undefined || task.templateRef !== undefined) continue;
      const w = `${label}: template "${t.name}", task "${String(task.name)}"`;
      if (task.inline.name !== undefined)
        unsupported(w, "an inline template with a name (the compiler writes inline templates without one)");
      const info = templateInfo({ name: task.name, ...task.inline }, w);
      if (!(LEAF_KINDS as readonly string[]).includes(info.kind))
        unsupported(w, `an inline ${info.kind} template (inline() is for templates that call no others)`);
      inlines.set(task, info);
      (inlineOf.get(t) ?? inlineOf.set(t, []).get(t)!).push(info);
    }
  }
  for (const t of infos) {
    for (const task of bodyTasks(t)) {
      const callee = inlines.get(task) ?? byName.get(String(task.template));
      if (!callee) continue;
      const passed = new Set(
        ((isObj(task.arguments) ? (task.arguments.parameters as Obj[]) : undefined) ?? []).map((p) => String(p.name)),
      );
      for (const [n, p] of callee.inParams) if (!passed.has(n) && p.default === undefined) callee.omitted.add(n);
    }
  }
  const outsideRefs = [spec.entrypoint, spec.onExit, ...hookTemplates(spec)].filter(
    (x): x is string => typeof x === "string",
  );
  const { order, nested } = planTemplates(infos, outsideRefs, label);
  const g: Gen = { m, byName, refs: new Map(), inlines, nested, selfs: new Map(), where: label };
  const out: string[] = [];
  out.push(...templateRefs(g, infos));
  for (const t of order) {
    for (const x of [t, ...(nested.get(t) ?? [])]) {
      for (const i of inlineOf.get(x) ?? []) {
        i.ident = m.names.take(i.name, "Template");
        out.push(print(stmt(`const ${i.ident} = `, call(m.use("inline"), [leafTemplate(g, i)]))));
      }
    }
    t.ident = m.names.take(t.name, "Template");
    const code = t.kind === "dag" || t.kind === "steps" ? bodyTemplate(g, t) : leafTemplate(g, t);
    out.push(print(stmt(`const ${t.ident} = `, code)));
  }

  // Workflow options
  const opts: [string, Code][] = [];
  const { name, generateName, namespace, labels, annotations, ...restMeta } = meta;
  if (name !== undefined) opts.push(["name", literal(name)]);
  if (generateName !== undefined) opts.push(["generateName", literal(generateName)]);
  if (namespace !== undefined) opts.push(["namespace", literal(namespace)]);
  if (labels !== undefined) opts.push(["labels", literal(labels)]);
  if (annotations !== undefined) opts.push(["annotations", literal(annotations)]);
  if (Object.keys(restMeta).length) opts.push(["metadata", literal(restMeta)]);
  if (kind === "CronWorkflow") opts.push(...cronEntries);
  const { templates: _t, entrypoint, arguments: args, onExit, ...specRest } = spec;
  if (args !== undefined) {
    const decl = workflowArgs(m, args, label);
    if (decl) opts.push(["parameters", decl]);
  }
  const reachable = new Set<string>();
  const reach = (n: string) => {
    const t = byName.get(n);
    if (!t || reachable.has(n)) return;
    reachable.add(n);
    t.calls.forEach(reach);
  };
  if (typeof entrypoint === "string") {
    const t = byName.get(entrypoint);
    if (!t && infos.length && spec.workflowTemplateRef === undefined)
      invalid(label, `entrypoint "${entrypoint}" is not a template of this manifest (Argo rejects it)`);
    opts.push(["entrypoint", t ? raw(t.ident) : literal(entrypoint)]);
    reach(entrypoint);
  } else if (entrypoint !== undefined) unsupported(label, "entrypoint is not a string");
  if (typeof onExit === "string") {
    const t = byName.get(onExit);
    if (!t) invalid(label, `onExit "${onExit}" is not a template of this manifest (Argo rejects it)`);
    opts.push(["onExit", raw(t.ident)]);
    reach(onExit);
  } else if (onExit !== undefined) unsupported(label, "onExit is not a string");
  for (const n of hookTemplates(spec)) reach(n);
  const inner = new Set([...nested.values()].flat());
  const others = infos.filter((t) => !reachable.has(t.name) && !inner.has(t));
  if (others.length) opts.push(["templates", arr(others.map((t) => raw(t.ident)))]);
  for (const k of [
    "entrypointName",
    "bodyKind",
    "dependencyStyle",
    "parameters",
    "templates",
    "schedules",
    "cron",
    "workflowMetadata",
  ]) {
    if (k in specRest) {
      if (k === "workflowMetadata" && kind !== "CronWorkflow") continue;
      unsupported(label, `spec field "${k}" clashes with a wfc option of the same name`);
    }
  }
  opts.push(...extraCode(specRest, undefined, byName));
  const factory = m.use(WORKFLOW_FACTORY[kind]);
  const wf = call(factory, [obj(opts)]);
  out.push(print(stmt(exportName ? `export const ${exportName} = ` : "export default ", wf)));
  return out;
}
