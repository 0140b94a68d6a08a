/** One task of a DAG or steps body: its call, arguments, options and loop. */

import { invalid, unsupported } from "./errors.js";
import { whenCode } from "./expressions.js";
import { extraCode } from "./extra-fields.js";
import { type BodyCtx, templateIdent } from "./generation.js";
import { conv, convParamValue, convStr, type TaskVar } from "./placeholders.js";
import type { TemplateInfo } from "./plan.js";
import { arr, arrow, type Code, call, literal, obj, stmt, str } from "./printer.js";
import { depOptions } from "./task-dependencies.js";
import { refKey } from "./template-refs.js";
import { isObj, type Obj } from "./values.js";

export function taskStatement(
  ctx: BodyCtx,
  task: Obj,
  index: number,
  group: number,
  inParallel = false,
): { code: () => Code; task?: TaskVar; call?: Code } {
  const { g, scope, names } = ctx;
  const tname = String(task.name);
  const where = `${scope.where}, task "${tname}"`;
  let callee: TemplateInfo | undefined;
  if (isObj(task.templateRef) && task.template === undefined) callee = g.refs.get(refKey(task.templateRef));
  else if (isObj(task.inline) && task.template === undefined) callee = g.inlines.get(task);
  else if (typeof task.template !== "string") unsupported(where, "a task without a template");
  else callee = g.byName.get(task.template);
  if (!callee)
    invalid(where, `calls template "${String(task.template)}", which is not in this manifest (Argo rejects it)`);
  const v: TaskVar = { name: tname, index, template: callee, ident: "", used: false, group, inParallel };
  v.ident = names.take(tname, "Task");

  // Arguments
  const args: [string, Code][] = [];
  const targs = isObj(task.arguments) ? task.arguments : {};
  for (const k of Object.keys(targs)) if (k !== "parameters" && k !== "artifacts") unsupported(where, `arguments.${k}`);
  const loop =
    task.withItems !== undefined
      ? "items"
      : task.withParam !== undefined
        ? "param"
        : task.withSequence !== undefined
          ? "sequence"
          : undefined;
  // Each loop callback is its own scope: `item` unless the body uses that name.
  const itemIdent = loop ? (names.has("item") ? names.child().take("item") : "item") : "";
  scope.item = loop
    ? {
        ident: itemIdent,
        kind: loop,
        items: loop === "items" ? (task.withItems as unknown[]) : undefined,
        paths: new Map(),
      }
    : undefined;
  // Arguments the callee does not declare (Argo ignores them) go in `extra.arguments`, which the
  // compiler writes after the declared ones.
  const undeclared: { parameters: Code[]; artifacts: Code[] } = { parameters: [], artifacts: [] };
  const declaredAfter = (kind: string, name: string) =>
    unsupported(
      where,
      `passes ${kind} "${name}" of template "${callee.name}" after one the template does not declare (undeclared arguments can only come last)`,
    );
  for (const p of (targs.parameters as Obj[]) ?? []) {
    const keys = Object.keys(p);
    if (!callee.inParams.has(String(p.name))) {
      undeclared.parameters.push(conv(p, scope));
      continue;
    }
    if (undeclared.parameters.length) declaredAfter("parameter", String(p.name));
    if (keys.some((k) => k !== "name" && k !== "value") || p.value === undefined)
      unsupported(where, `argument parameter "${String(p.name)}" with fields other than a value (${keys.join(", ")})`);
    args.push([String(p.name), convParamValue(p.value, scope)]);
  }
  for (const a of (targs.artifacts as Obj[]) ?? []) {
    const name = String(a.name);
    if (!callee.inArtifacts.has(name)) {
      undeclared.artifacts.push(conv(a, scope));
      continue;
    }
    if (undeclared.artifacts.length) declaredAfter("artifact", name);
    const { name: _n, ...rest } = a;
    const keys = Object.keys(rest);
    if (keys.length === 1 && typeof rest.from === "string") {
      const c = convStr(rest.from, scope);
      args.push([name, c.single === "artifact" ? c.code : obj([["from", c.single ? str([c.code]) : c.code]])]);
    } else if (keys.length === 0) {
      unsupported(where, `artifact argument "${name}" without a source`);
    } else args.push([name, conv(rest, scope, true)]);
  }
  for (const [pname, p] of callee.inParams) {
    const optional = p.default !== undefined || p.value !== undefined || p.valueFrom !== undefined;
    if (!optional && !args.some(([k]) => k === pname))
      invalid(
        where,
        `does not pass input "${pname}" of template "${callee.name}", which has no default (Argo rejects it: inputs.parameters.${pname} was not supplied)`,
      );
  }
  for (const [aname, a] of callee.inArtifacts) {
    const hasSource = [
      "from",
      "fromExpression",
      "s3",
      "gcs",
      "git",
      "http",
      "artifactory",
      "hdfs",
      "oss",
      "raw",
      "azure",
      "plugin",
      "optional",
    ].some((k) => a[k] !== undefined);
    if (!hasSource && !args.some(([k]) => k === aname))
      unsupported(where, `does not pass input artifact "${aname}" of template "${callee.name}"`);
  }

  // Options
  const opts: [string, Code][] = [];
  const autoName = callee.name;
  if (tname !== autoName || scope.tasks.has(autoName)) opts.push(["name", str([tname])]);
  if (scope.prefix === "tasks") depOptions(ctx, task, v, opts, where);
  else if (task.dependencies !== undefined || task.depends !== undefined)
    unsupported(where, "dependencies in a steps template");
  if (task.when !== undefined) opts.push(["when", whenCode(ctx, String(task.when))]);
  const {
    name: _n,
    template: _t,
    templateRef: _r,
    inline: _i,
    arguments: _a,
    dependencies: _d,
    depends: _p,
    when: _w,
    withItems,
    withParam,
    withSequence,
    ...rest
  } = task;
  // `extra` (hooks) may pass the task's own outputs on: then it is a function of the task.
  const selfVar: TaskVar = { ...v, ident: names.child().take("self"), used: false };
  scope.selfTask = selfVar;
  const extra = extraCode(rest, scope, g.byName, (x) => templateIdent(ctx, x));
  scope.selfTask = undefined;
  const extraArgs = (["parameters", "artifacts"] as const)
    .filter((k) => undeclared[k].length)
    .map((k) => [k, arr(undeclared[k])] as [string, Code]);
  if (extraArgs.length) extra.push(["arguments", obj(extraArgs)]);
  if (extra.length) opts.push(["extra", selfVar.used ? arrow(`(${selfVar.ident})`, obj(extra)) : obj(extra)]);

  let callCode: Code = call(templateIdent(ctx, callee), [
    ...(args.length || opts.length ? [obj(args)] : []),
    ...(opts.length ? [obj(opts)] : []),
  ]);
  if (loop) {
    const it = scope.item!;
    const fn = (param: string) => arrow(`(${param})`, callCode);
    if (loop === "items") {
      if (!Array.isArray(withItems)) unsupported(where, "withItems is not a list");
      callCode = call(g.m.use("forEach"), [literal(withItems), fn(itemIdent)]);
    } else if (loop === "param") {
      const c = typeof withParam === "string" ? convStr(withParam, scope) : undefined;
      if (!c) unsupported(where, "withParam is not a string");
      const list = c.single === "string" ? c.code : c.single ? str([c.code]) : c.code;
      let param = itemIdent;
      if (it.paths.size) {
        g.m.typeImports.add("Item");
        param = `${itemIdent}: Item<${itemType(it.paths, where)}>`;
      } else if ([...it.paths.keys()].length === 0 && usesItem(task)) {
        g.m.typeImports.add("Item");
        param = `${itemIdent}: Item<string>`;
      }
      callCode = call(g.m.use("forEachParam"), [list, fn(param)]);
    } else {
      if (!isObj(withSequence)) unsupported(where, "withSequence is not an object");
      callCode = call(g.m.use("forSequence"), [conv(withSequence, scope), fn(itemIdent)]);
    }
    scope.item = undefined;
  }
  scope.tasks.set(tname, v);
  const final = callCode;
  return { task: v, call: final, code: () => (v.used ? stmt(`const ${v.ident} = `, final) : stmt("", final)) };
}

function usesItem(task: Obj): boolean {
  return JSON.stringify(task).includes("{{item}}");
}

function itemType(paths: Map<string, string[]>, where: string): string {
  type Tree = { [k: string]: Tree };
  const root: Tree = {};
  let whole = false;
  for (const p of paths.values()) {
    if (!p.length) whole = true;
    let n = root;
    for (const seg of p) n = n[seg] ??= {};
  }
  if (whole && Object.keys(root).length) unsupported(where, "a withParam item used both whole and by field");
  if (whole) return "string";
  const show = (n: Tree): string => {
    const keys = Object.keys(n);
    if (!keys.length) return "string";
    return `{ ${keys.map((k) => `${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : JSON.stringify(k)}: ${show(n[k]!)}`).join("; ")} }`;
  };
  return show(root);
}
