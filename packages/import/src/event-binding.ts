/** A WorkflowEventBinding as `workflowEventBinding({ name, selector, template, parameters, ... })`. */
import { unsupported } from "./errors.js";
import type { Module } from "./module.js";
import { type Code, call, literal, obj, print, raw, stmt } from "./printer.js";
import { isObj, type Obj } from "./values.js";

/**
 * The code of one WorkflowEventBinding. `spec.submit.workflowTemplateRef` becomes the
 * WorkflowTemplate object when this module (or another generated one) exports it, else
 * `{ name[, clusterScope] }`; arguments each `{ event }` or `{ value }` become `parameters`.
 */
export function eventBindingCode(m: Module, doc: Obj, label: string, exportName: string | undefined): string {
  const meta = isObj(doc.metadata) ? doc.metadata : {};
  const spec = isObj(doc.spec) ? doc.spec : {};
  const opts: [string, Code][] = [];
  const { name, namespace, labels, annotations, ...restMeta } = meta;
  opts.push(["name", literal(name)]);
  if (namespace !== undefined) opts.push(["namespace", literal(namespace)]);
  if (labels !== undefined) opts.push(["labels", literal(labels)]);
  if (annotations !== undefined) opts.push(["annotations", literal(annotations)]);
  if (Object.keys(restMeta).length) opts.push(["metadata", literal(restMeta)]);
  for (const k of Object.keys(spec)) if (k !== "event" && k !== "submit") unsupported(label, `spec.${k}`);
  const event = isObj(spec.event) ? spec.event : {};
  const { selector, ...restEvent } = event;
  if (typeof selector !== "string") unsupported(label, "spec.event.selector is not a string");
  opts.push(["selector", literal(selector)]);
  if (spec.submit !== undefined) {
    if (!isObj(spec.submit)) unsupported(label, "spec.submit is not an object");
    const { workflowTemplateRef: ref, arguments: args, ...restSubmit } = spec.submit;
    if (ref !== undefined) {
      if (!isObj(ref) || typeof ref.name !== "string")
        unsupported(label, "spec.submit.workflowTemplateRef without a name");
      const cluster = ref.clusterScope === true;
      const local = m.exported.get(`${cluster ? "ClusterWorkflowTemplate" : "WorkflowTemplate"}/${ref.name}`);
      const onlyName = Object.keys(ref).every((k) => k === "name" || (k === "clusterScope" && cluster));
      if (local && local !== "default" && onlyName) opts.push(["template", raw(local)]);
      else opts.push(["template", literal(ref)]);
    }
    if (args !== undefined) {
      const params = isObj(args) ? args.parameters : undefined;
      if (!isObj(args) || Object.keys(args).some((k) => k !== "parameters") || !Array.isArray(params))
        unsupported(label, "spec.submit.arguments other than parameters");
      const entries: [string, Code][] = [];
      for (const p of params as unknown[]) {
        if (!isObj(p) || typeof p.name !== "string") unsupported(label, "a submit parameter without a name");
        const keys = Object.keys(p).sort().join();
        if (keys === "name,value" && typeof p.value === "string")
          entries.push([p.name, obj([["value", literal(p.value)]])]);
        else if (
          keys === "name,valueFrom" &&
          isObj(p.valueFrom) &&
          Object.keys(p.valueFrom).join() === "event" &&
          typeof p.valueFrom.event === "string"
        )
          entries.push([p.name, obj([["event", literal(p.valueFrom.event)]])]);
        else
          unsupported(`${label}: parameter "${p.name}"`, "a submit parameter other than `value` or `valueFrom.event`");
      }
      if (/^\d+$/.test(entries.map((e) => e[0]).find((k) => /^\d+$/.test(k)) ?? "x"))
        unsupported(label, "parameter names that are integers change order in a JavaScript object");
      opts.push(["parameters", obj(entries)]);
    }
    if (Object.keys(restSubmit).length || (ref === undefined && args === undefined))
      opts.push(["submit", literal(restSubmit)]);
  }
  if (Object.keys(restEvent).length) opts.push(["event", literal(restEvent)]);
  const code = call(m.use("workflowEventBinding"), [obj(opts)]);
  return print(stmt(exportName ? `export const ${exportName} = ` : "export default ", code));
}
