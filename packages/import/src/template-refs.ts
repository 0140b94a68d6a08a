/** Templates of other WorkflowTemplates that tasks call: one `templateRef(...)` const each. */
import { unsupported } from "./errors.js";
import type { Gen } from "./generation.js";
import type { SharedTemplate } from "./module.js";
import { bodyTasks, type TemplateInfo } from "./plan.js";
import { type Code, call, literal, obj, print, raw, stmt } from "./printer.js";
import { isObj, type Obj } from "./values.js";

export function refKey(r: Obj): string {
  return `${String(r.name)}/${String(r.template)}${r.clusterScope === true ? "/cluster" : r.clusterScope === false ? "/namespaced" : ""}`;
}

/** One `templateRef(...)` const per template of another WorkflowTemplate the tasks call, inputs from the arguments passed. */
export function templateRefs(g: Gen, infos: TemplateInfo[]): string[] {
  const calls = new Map<string, { ref: Obj; tasks: Obj[] }>();
  for (const t of infos) {
    for (const task of bodyTasks(t)) {
      if (!isObj(task.templateRef) || task.template !== undefined) continue;
      const r = task.templateRef;
      const where = `${g.where}: template "${t.name}", task "${String(task.name)}"`;
      for (const k of Object.keys(r))
        if (!["name", "template", "clusterScope"].includes(k)) unsupported(where, `templateRef.${k}`);
      if (r.clusterScope !== undefined && typeof r.clusterScope !== "boolean")
        unsupported(where, "templateRef.clusterScope is not a boolean");
      const key = refKey(r);
      (calls.get(key) ?? calls.set(key, { ref: r, tasks: [] }).get(key)!).tasks.push(task);
    }
  }
  const out: string[] = [];
  for (const [key, { ref, tasks }] of calls) {
    const params: string[] = [];
    const arts: string[] = [];
    const count = new Map<string, number>();
    for (const task of tasks) {
      const a = isObj(task.arguments) ? task.arguments : {};
      for (const p of (a.parameters as Obj[]) ?? []) {
        const n = String(p.name);
        if (!params.includes(n)) params.push(n);
        count.set(n, (count.get(n) ?? 0) + 1);
      }
      for (const x of (a.artifacts as Obj[]) ?? []) {
        const n = String(x.name);
        if (!arts.includes(n)) arts.push(n);
        count.set(n, (count.get(n) ?? 0) + 1);
      }
    }
    const info: TemplateInfo = {
      name: key,
      yaml: {},
      kind: "external",
      ident: g.m.names.take(String(ref.template), "Ref"),
      outParams: new Set(),
      outArtifacts: new Set(),
      outArtKeys: new Map(),
      inParams: new Map(params.map((n) => [n, count.get(n) === tasks.length ? {} : { default: "" }])),
      inArtifacts: new Map(arts.map((n) => [n, count.get(n) === tasks.length ? {} : { optional: true }])),
      calls: [],
      omitted: new Set(),
    };
    g.refs.set(key, info);
    g.m.use("z");
    const inputs: [string, Code][] = [
      ...params.map(
        (n) => [n, raw(count.get(n) === tasks.length ? "z.string()" : "z.string().optional()")] as [string, Code],
      ),
      ...arts.map(
        (n) =>
          [n, call(g.m.use("artifact"), count.get(n) === tasks.length ? [] : [raw("{ optional: true }")])] as [
            string,
            Code,
          ],
      ),
    ];
    // A WorkflowTemplate another generated module exports: imported, and passed as the source.
    const shared =
      ref.clusterScope === false
        ? undefined
        : g.m.sharedTemplates.get(`${String(ref.name)}${ref.clusterScope ? "/cluster" : ""}`);
    const src: Code = shared
      ? raw(sharedIdent(g, shared, String(ref.name)))
      : obj([
          ["name", literal(ref.name)],
          ...(typeof ref.clusterScope === "boolean"
            ? [["clusterScope", raw(String(ref.clusterScope))] as [string, Code]]
            : []),
        ]);
    const args: Code[] = [src, literal(String(ref.template))];
    if (inputs.length) args.push(obj([["inputs", obj(inputs)]]));
    out.push(print(stmt(`const ${info.ident} = `, call(g.m.use("templateRef"), args))));
  }
  return out;
}

/** The local name of a WorkflowTemplate imported from another generated module (imported once). */
function sharedIdent(g: Gen, shared: SharedTemplate, name: string): string {
  let names = g.m.moduleImports.get(shared.module);
  if (!names) g.m.moduleImports.set(shared.module, (names = new Set()));
  for (const n of names) {
    const [imported, local] = n.split(" as ");
    if (imported === shared.exportName) return local ?? imported!;
  }
  const local = g.m.names.take(name, "Template");
  names.add(shared.exportName === local ? local : `${shared.exportName} as ${local}`);
  return local;
}
