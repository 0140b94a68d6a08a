/**
 * Generates wfc TypeScript from parsed Argo manifests. Every construct is either reproduced
 * exactly (so that `compile()` gives back the input, Kubernetes-equal) or reported as an
 * {@link ImportError} naming the construct; nothing is dropped silently.
 */
import { WfcError } from "../core/errors.js";
import { camelCase, Namer } from "./names.js";
import {
  arr, arrow, block, call, isIdentifier, literal, member, obj, post, print, quote, raw, stmt, str, stringLiteral, tagged, type Code,
} from "./printer.js";

type Obj = Record<string, unknown>;

/**
 * A manifest `wfc import` cannot turn into wfc TypeScript: bad input, or a construct the SDK cannot
 * reproduce exactly. `where` names the document, template and task.
 *
 * @example
 * ```ts
 * try { importManifests(text, "wf.yaml"); } catch (e) { if (e instanceof ImportError) console.error(e.message); }
 * ```
 */
export class ImportError extends WfcError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = "ImportError";
  }
}

const HAS_RESULT = new Set(["container", "script", "http", "data", "plugin", "containerSet"]);
const LEAF_KINDS = ["container", "script", "resource", "suspend", "http", "data", "containerSet", "plugin"] as const;
const BODY_KINDS = ["dag", "steps"] as const;
const STATUS: Record<string, string> = {
  Succeeded: "succeeded", Failed: "failed", Errored: "errored", Skipped: "skipped", Omitted: "omitted",
  Daemoned: "daemoned", AnySucceeded: "anySucceeded", AllFailed: "allFailed",
};
const HAND_REF = /\{\{\s*(tasks|steps)\.([A-Za-z0-9-]+)\.(?:outputs\.(parameters|artifacts)\.([A-Za-z0-9_-]+)|outputs\.parameters|outputs\.result|outputs\.exitCode|exitCode|status|id|ip|startedAt|finishedAt|hostNodeName)\s*\}\}/g;

/** Argo globals with a typed reference in `vars`: placeholder -> [property path, type]. */
const VARS: Record<string, [string, RefType]> = {
  "workflow.name": ["workflow.name", "string"],
  "workflow.namespace": ["workflow.namespace", "string"],
  "workflow.uid": ["workflow.uid", "string"],
  "workflow.status": ["workflow.status", "string"],
  "workflow.duration": ["workflow.duration", "number"],
  "workflow.failures": ["workflow.failures", "string"],
  "workflow.creationTimestamp": ["workflow.creationTimestamp", "string"],
  "workflow.mainEntrypoint": ["workflow.mainEntrypoint", "string"],
  "workflow.serviceAccountName": ["workflow.serviceAccountName", "string"],
  "workflow.priority": ["workflow.priority", "number"],
  "workflow.scheduledTime": ["workflow.scheduledTime", "string"],
  "pod.name": ["pod.name", "string"],
  "node.name": ["node.name", "string"],
};

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The generated module, and the SDK names it imports. */
class Module {
  readonly imports = new Set<string>();
  readonly typeImports = new Set<string>();
  readonly names = new Namer();
  readonly decls: string[] = [];
  readonly varsUsed = new Set<true>();
  use(name: string): string {
    this.imports.add(name);
    return name;
  }
}

interface TemplateInfo {
  readonly name: string;
  readonly yaml: Obj;
  readonly kind: string;
  ident: string;
  readonly outParams: Set<string>;
  readonly outArtifacts: Set<string>;
  /** The key of each output artifact in the `outputs` object: its name, unless a parameter has that name. */
  readonly outArtKeys: Map<string, string>;
  readonly inParams: Map<string, Obj>;
  readonly inArtifacts: Map<string, Obj>;
  /** Templates this one calls from its body. */
  readonly calls: string[];
  /** Input parameters with a fixed value that some caller does not pass (declared optional). */
  readonly omitted: Set<string>;
}

interface TaskVar {
  readonly name: string;
  readonly index: number;
  readonly template: TemplateInfo;
  ident: string;
  used: boolean;
  /** The step group (steps) the task is in. */
  readonly group: number;
  /** Created inside `parallel(() => ...)`: its handle is not visible after the group. */
  readonly inParallel: boolean;
}

interface Scope {
  readonly inputs: Map<string, string>;
  readonly artifactInputs: Map<string, string>;
  /** Set when a reference to an Argo global (`vars`) was made. */
  readonly vars: Set<true>;
  /** Inputs declared optional (their references are `Ref<string | undefined>`). */
  readonly optional: Set<string>;
  readonly usedInputs: Set<string>;
  readonly tasks: Map<string, TaskVar>;
  readonly prefix: "tasks" | "steps" | undefined;
  /** The current step group (steps bodies): only tasks of earlier groups may be referenced. */
  group: number;
  item: { ident: string; kind: "items" | "param" | "sequence"; items?: unknown[]; paths: Map<string, string[]> } | undefined;
  /** The task whose `extra` is being converted: its own outputs are the `extra` function's argument. */
  selfTask: TaskVar | undefined;
  readonly where: string;
}

type RefType = "string" | "number" | "artifact" | "other";

/** The result of converting a string: its code, and the reference's type when it is one reference. */
interface Conv {
  readonly code: Code;
  readonly single?: RefType;
  readonly refs: boolean;
}

function unsupported(where: string, what: string): never {
  throw new ImportError("E_IMPORT_UNSUPPORTED", `${where}: ${what}`);
}

/** Converts `{{...}}` placeholders the scope knows into references. */
function convStr(s: string, scope: Scope | undefined): Conv {
  if (!scope || !s.includes("{{")) return { code: str([s]), refs: false };
  const parts: (string | Code)[] = [];
  let last = 0;
  let single: RefType | undefined;
  let count = 0;
  for (const m of s.matchAll(/\{\{([^{}]*)\}\}/g)) {
    const r = resolvePlaceholder(m[1]!, scope);
    if (!r) continue;
    if (m.index! > last) parts.push(s.slice(last, m.index));
    parts.push(raw(r.code));
    last = m.index! + m[0].length;
    single = r.type;
    count++;
  }
  if (!count) return { code: str([s]), refs: false };
  if (last < s.length) parts.push(s.slice(last));
  if (parts.length === 1 && count === 1) return { code: parts[0] as Code, single, refs: true };
  return { code: str(parts), refs: true };
}

function resolvePlaceholder(inner: string, scope: Scope): { code: string; type: RefType } | undefined {
  let m = /^inputs\.parameters\.([A-Za-z0-9_-]+)$/.exec(inner);
  if (m) {
    const id = scope.inputs.get(m[1]!);
    if (!id) return undefined;
    scope.usedInputs.add(m[1]!);
    return { code: id, type: scope.optional.has(m[1]!) ? "other" : "string" };
  }
  m = /^inputs\.artifacts\.([A-Za-z0-9_-]+)$/.exec(inner);
  if (m) {
    const id = scope.artifactInputs.get(m[1]!);
    if (!id) return undefined;
    scope.usedInputs.add(m[1]!);
    return { code: id, type: "artifact" };
  }
  m = /^(tasks|steps)\.([A-Za-z0-9-]+)\.(outputs\.parameters\.([A-Za-z0-9_-]+)|outputs\.artifacts\.([A-Za-z0-9_-]+)|outputs\.parameters|outputs\.result|outputs\.exitCode|exitCode|status|id|ip|startedAt|finishedAt|hostNodeName)$/.exec(inner);
  if (m) {
    if (m[1] !== scope.prefix) return undefined;
    const own = scope.selfTask?.name === m[2] ? scope.selfTask : undefined;
    const t = own ?? scope.tasks.get(m[2]!);
    if (!t) return undefined;
    if (!own && scope.prefix === "steps" && t.group >= scope.group) return undefined;
    const what = m[3]!;
    let code: string;
    let type: RefType = "string";
    if (m[4] !== undefined) {
      if (!t.template.outParams.has(m[4])) return undefined;
      code = member(`${t.ident}.outputs`, m[4]);
    } else if (m[5] !== undefined) {
      if (!t.template.outArtifacts.has(m[5])) return undefined;
      code = member(`${t.ident}.outputs`, t.template.outArtKeys.get(m[5]) ?? m[5]);
      type = "artifact";
    } else if (what === "outputs.result") {
      if (!HAS_RESULT.has(t.template.kind)) return undefined;
      code = `${t.ident}.result`;
    } else if (what === "outputs.exitCode") {
      code = `${t.ident}.exitCode`;
      type = "number";
    } else if (what === "status") code = `${t.ident}.status`;
    else code = `${t.ident}.attr(${JSON.stringify(what)})`;
    t.used = true;
    return { code: code, type };
  }
  const v = VARS[inner];
  if (v) {
    scope.vars.add(true);
    return { code: `vars.${v[0]}`, type: v[1] };
  }
  if (scope.item && (inner === "item" || inner.startsWith("item."))) {
    const path = inner === "item" ? [] : inner.slice(5).split(".");
    if (path.some((p) => p === "")) return undefined;
    const it = scope.item;
    let type: RefType = "other";
    if (it.kind === "items") {
      const leaves = (it.items ?? []).map((x) => leaf(x, path));
      if (leaves.some((l) => l === undefined)) return undefined;
      if (leaves.every((l) => typeof l === "string")) type = "string";
    } else if (it.kind === "sequence") {
      if (path.length) return undefined;
      type = "string";
    } else {
      it.paths.set(path.join("."), path);
      type = "string";
    }
    return { code: path.reduce((acc, p) => member(acc, p), it.ident), type };
  }
  return undefined;
}

function leaf(v: unknown, path: string[]): unknown {
  let x = v;
  for (const p of path) {
    if (!isObj(x) || !(p in x)) return undefined;
    x = x[p];
  }
  return x;
}

/** Deep-converts a YAML value to code, placeholders in strings to references. */
function conv(v: unknown, scope: Scope | undefined): Code {
  if (typeof v === "string") {
    const c = convStr(v, scope);
    return c.single && c.single !== "string" ? str([c.code]) : c.code;
  }
  if (Array.isArray(v)) return arr(v.map((x) => conv(x, scope)));
  if (isObj(v)) return obj(Object.entries(v).map(([k, x]) => [k, conv(x, scope)] as const));
  return literal(v);
}

/** A string value for a string-typed parameter: a reference if it is one string-typed reference. */
function convParamValue(v: unknown, scope: Scope | undefined): Code {
  if (typeof v !== "string") return str([String(v)]);
  const c = convStr(v, scope);
  return c.single && c.single !== "string" ? str([c.code]) : c.code;
}

function templateInfo(t: Obj, where: string): TemplateInfo {
  const kinds = [...LEAF_KINDS, ...BODY_KINDS].filter((k) => t[k] !== undefined);
  if (kinds.length !== 1) unsupported(where, kinds.length ? `template has several bodies (${kinds.join(", ")})` : "template has no body (container, script, dag, steps, ...)");
  const kind = kinds[0]!;
  const inputs = isObj(t.inputs) ? t.inputs : {};
  const outputs = isObj(t.outputs) ? t.outputs : {};
  const calls: string[] = [];
  const tasks = kind === "dag" ? ((t.dag as Obj).tasks as Obj[] | undefined) ?? [] : kind === "steps" ? ((t.steps as Obj[][] | null) ?? []).flat() : [];
  for (const task of tasks) {
    if (typeof task.template === "string") calls.push(task.template);
    calls.push(...hookTemplates(task));
  }
  const outParams = new Set(((outputs.parameters as Obj[]) ?? []).map((p) => String(p.name)));
  const outArtifacts = new Set(((outputs.artifacts as Obj[]) ?? []).map((p) => String(p.name)));
  return {
    name: String(t.name),
    yaml: t,
    kind,
    ident: "",
    outParams,
    outArtifacts,
    outArtKeys: artifactKeys(outParams, outArtifacts),
    inParams: new Map(((inputs.parameters as Obj[]) ?? []).map((p) => [String(p.name), p])),
    inArtifacts: new Map(((inputs.artifacts as Obj[]) ?? []).map((p) => [String(p.name), p])),
    calls,
    omitted: new Set(),
  };
}

/**
 * The `outputs` key of each output artifact: its name, or `<name>Artifact` when an output parameter
 * has the same name (one object cannot hold both; `artifact({ name })` keeps the Argo name).
 */
function artifactKeys(params: Set<string>, artifacts: Set<string>): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set([...params, ...artifacts]);
  for (const a of artifacts) {
    if (!params.has(a)) {
      keys.set(a, a);
      continue;
    }
    let k = `${camelCase(a)}Artifact`;
    for (let i = 2; taken.has(k); i++) k = `${camelCase(a)}Artifact${i}`;
    taken.add(k);
    keys.set(a, k);
  }
  return keys;
}

/** Templates a task or workflow names in `onExit` and `hooks` (given as values in the generated code). */
function hookTemplates(o: Obj): string[] {
  const out: string[] = [];
  if (typeof o.onExit === "string") out.push(o.onExit);
  if (isObj(o.hooks)) for (const h of Object.values(o.hooks)) if (isObj(h) && typeof h.template === "string") out.push(h.template);
  return out;
}

/** Task or workflow fields, with `onExit` and hook templates as template values where they are local. */
function extraCode(o: Obj, scope: Scope | undefined, byName: Map<string, TemplateInfo>, identOf: (t: TemplateInfo) => string = (t) => t.ident): [string, Code][] {
  const tmpl = (n: unknown): Code | undefined => {
    if (typeof n !== "string") return undefined;
    const t = byName.get(n);
    return t ? raw(identOf(t)) : undefined;
  };
  return Object.entries(o).map(([k, v]) => {
    if (k === "onExit") return [k, tmpl(v) ?? conv(v, scope)] as [string, Code];
    if (k === "hooks" && isObj(v)) {
      return [
        k,
        obj(Object.entries(v).map(([ev, h]) => [ev, isObj(h) ? obj(Object.entries(h).map(([hk, hv]) => [hk, (hk === "template" && tmpl(hv)) || conv(hv, scope)] as const)) : conv(h, scope)] as const)),
      ] as [string, Code];
    }
    return [k, conv(v, scope)] as [string, Code];
  });
}

/**
 * Orders templates so that every template comes after those its body calls (stable otherwise).
 * Templates that call each other (a cycle other than a template calling itself) cannot all be
 * module-level consts: the cycle's root (the one used from outside it) is, and the others are
 * defined inside the root's body, where they call the root through its `self`.
 */
function planTemplates(infos: TemplateInfo[], outsideRefs: string[], where: string): { order: TemplateInfo[]; nested: Map<TemplateInfo, TemplateInfo[]> } {
  const byName = new Map(infos.map((i) => [i.name, i]));
  const callees = (t: TemplateInfo): TemplateInfo[] => [...new Set(t.calls)].filter((c) => c !== t.name && byName.has(c)).map((c) => byName.get(c)!);
  const reach = new Map<TemplateInfo, Set<TemplateInfo>>();
  for (const t of infos) {
    const seen = new Set<TemplateInfo>();
    const stack = callees(t);
    while (stack.length) {
      const x = stack.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      stack.push(...callees(x));
    }
    reach.set(t, seen);
  }
  const owner = new Map<TemplateInfo, TemplateInfo>();
  const nested = new Map<TemplateInfo, TemplateInfo[]>();
  for (const t of infos) {
    if (owner.has(t)) continue;
    const cycle = infos.filter((x) => x === t || (reach.get(t)!.has(x) && reach.get(x)!.has(t)));
    if (cycle.length === 1) {
      owner.set(t, t);
      continue;
    }
    const members = new Set(cycle);
    const names = cycle.map((x) => `"${x.name}"`).join(", ");
    const entries = cycle.filter((x) => outsideRefs.includes(x.name) || infos.some((y) => !members.has(y) && y.calls.includes(x.name)));
    if (entries.length > 1) {
      unsupported(`${where}: templates ${names}`, `templates that call each other are used from outside their cycle through more than one of them (${entries.map((x) => `"${x.name}"`).join(", ")}); only one can be a module-level const`);
    }
    const root = entries[0] ?? cycle[0]!;
    // The others, callees first; a cycle among them (not through the root) has no way to be written.
    const inner: TemplateInfo[] = [];
    const state = new Map<TemplateInfo, 1 | 2>();
    const visit = (x: TemplateInfo, path: string[]): void => {
      if (state.get(x) === 2) return;
      if (state.get(x) === 1) unsupported(`${where}: template "${x.name}"`, `recursive templates (${[...path, x.name].join(" -> ")}) that do not all go through one template`);
      state.set(x, 1);
      for (const c of callees(x)) if (members.has(c) && c !== root) visit(c, [...path, x.name]);
      state.set(x, 2);
      inner.push(x);
    };
    for (const x of cycle) if (x !== root) visit(x, []);
    for (const x of cycle) owner.set(x, root);
    nested.set(root, inner);
  }
  const out: TemplateInfo[] = [];
  const done = new Set<TemplateInfo>();
  const visit = (t: TemplateInfo): void => {
    if (done.has(t)) return;
    done.add(t);
    for (const x of [t, ...(nested.get(t) ?? [])]) for (const c of callees(x)) if (owner.get(c) !== t) visit(owner.get(c)!);
    out.push(t);
  };
  for (const t of infos) visit(owner.get(t)!);
  return { order: out, nested };
}

// ---------------------------------------------------------------------------------------------
// Parameters and artifacts

function zodString(m: Module, p: Obj, role: "input" | "workflow" | "output", optional?: Set<string>): { code: Code; rest: Obj } {
  const { name: _name, ...rest } = p;
  m.use("z");
  let base = "z.string()";
  const en = rest.enum;
  const defaultKey = role === "workflow" ? "value" : "default";
  const def = rest[defaultKey];
  const enumAsZod = role === "workflow" && Array.isArray(en) && en.length > 0 && en.every((x) => typeof x === "string") && (def === undefined || en.includes(def as string));
  if (enumAsZod) {
    base = `z.enum([${(en as string[]).map(quote).join(", ")}])`;
    delete rest.enum;
  }
  if (def !== undefined && (role !== "workflow" || rest.default === undefined)) {
    base += `.default(${stringLiteral(String(def))})`;
    delete rest[defaultKey];
  } else if (role === "input" && optional?.has(String(p.name)) && (rest.value !== undefined || rest.valueFrom !== undefined)) {
    // A fixed value or a value from elsewhere: callers need not pass one.
    base += ".optional()";
  }
  if (typeof rest.description === "string") {
    base += `.describe(${stringLiteral(rest.description)})`;
    delete rest.description;
  }
  return { code: raw(base), rest };
}

function paramDecl(m: Module, p: Obj, role: "input" | "workflow" | "output", optional?: Set<string>): Code {
  const { code, rest } = zodString(m, p, role, optional);
  if (!Object.keys(rest).length) return code;
  if (role === "output" && Object.keys(rest).length === 1 && isObj(rest.valueFrom) && Object.keys(rest.valueFrom).length === 1 && typeof rest.valueFrom.path === "string") {
    return call(m.use("outputFromPath"), [code, str([rest.valueFrom.path])]);
  }
  for (const k of Object.keys(rest)) {
    if (!["value", "valueFrom", "globalName", "enum", "default", "description"].includes(k)) unsupported(`parameter "${String(p.name)}"`, `field "${k}" is not a parameter option`);
  }
  if (rest.value !== undefined && typeof rest.value !== "string") rest.value = String(rest.value);
  if (rest.default !== undefined) unsupported(`parameter "${String(p.name)}"`, "both `value` and `default` on a workflow parameter");
  return call(m.use("param"), [code, literal(rest)]);
}

function artifactDecl(m: Module, a: Obj, key = String(a.name)): Code {
  const { name, ...rest } = a;
  m.use("artifact");
  const options = key === name ? rest : { name, ...rest };
  return call("artifact", Object.keys(options).length ? [literal(options)] : []);
}

function ioDecls(m: Module, io: unknown, role: "input" | "output", where: string, optional?: Set<string>, artKeys?: Map<string, string>): Code | undefined {
  if (io === undefined || io === null) return undefined;
  if (!isObj(io)) unsupported(where, `${role}s is not an object`);
  for (const k of Object.keys(io)) if (k !== "parameters" && k !== "artifacts") unsupported(where, `${role}s.${k} cannot be declared`);
  const entries: [string, Code][] = [];
  const seen = new Set<string>();
  for (const p of (io.parameters as Obj[]) ?? []) {
    seen.add(String(p.name));
    entries.push([String(p.name), paramDecl(m, p, role, optional)]);
  }
  for (const a of (io.artifacts as Obj[]) ?? []) {
    const key = artKeys?.get(String(a.name)) ?? String(a.name);
    // Inputs are matched by Argo name (an input's references and a call's arguments), so an input
    // parameter and artifact of the same name cannot both be declared.
    if (seen.has(key)) unsupported(where, `${role} parameter and artifact share the name "${String(a.name)}"`);
    entries.push([key, artifactDecl(m, a, key)]);
  }
  if (/^\d+$/.test(entries.map((e) => e[0]).find((k) => /^\d+$/.test(k)) ?? "x")) unsupported(where, `${role} names that are integers change order in a JavaScript object`);
  return entries.length ? obj(entries) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Depends expressions

type DepNode = { op: "task"; task: string; status: string | undefined } | { op: "and" | "or"; items: DepNode[] } | { op: "not"; item: DepNode };

function parseDepends(s: string): DepNode | undefined {
  const toks = s.match(/&&|\|\||!|\(|\)|[A-Za-z0-9_.-]+|\S/g) ?? [];
  let i = 0;
  const peek = () => toks[i];
  const orE = (): DepNode | undefined => {
    const items = [andE()];
    while (peek() === "||") {
      i++;
      items.push(andE());
    }
    if (items.some((x) => !x)) return undefined;
    return items.length === 1 ? items[0] : { op: "or", items: items as DepNode[] };
  };
  const andE = (): DepNode | undefined => {
    const items = [unary()];
    while (peek() === "&&") {
      i++;
      items.push(unary());
    }
    if (items.some((x) => !x)) return undefined;
    return items.length === 1 ? items[0] : { op: "and", items: items as DepNode[] };
  };
  const unary = (): DepNode | undefined => {
    const t = toks[i++];
    if (t === "!") {
      const item = unary();
      return item && { op: "not", item };
    }
    if (t === "(") {
      const e = orE();
      if (toks[i++] !== ")") return undefined;
      return e;
    }
    if (!t || !/^[A-Za-z0-9_.-]+$/.test(t)) return undefined;
    const dot = t.lastIndexOf(".");
    if (dot > 0 && STATUS[t.slice(dot + 1)]) return { op: "task", task: t.slice(0, dot), status: t.slice(dot + 1) };
    return { op: "task", task: t, status: undefined };
  };
  const e = orE();
  return e && i === toks.length ? e : undefined;
}

/** Argo `depends` text of a node, exactly as the compiler prints it. */
function printDepends(node: DepNode, top = true): string {
  switch (node.op) {
    case "task":
      return node.status ? `${node.task}.${node.status}` : node.task;
    case "not":
      return `!${printDepends(node.item, false)}`;
    default: {
      const s = node.items.map((i) => printDepends(i, false)).join(node.op === "and" ? " && " : " || ");
      return top || node.items.length < 2 ? s : `(${s})`;
    }
  }
}

function dependsTasks(node: DepNode, out: string[] = []): string[] {
  if (node.op === "task") out.push(node.task);
  else if (node.op === "not") dependsTasks(node.item, out);
  else for (const i of node.items) dependsTasks(i, out);
  return out;
}

function dependsCode(node: DepNode, vars: Map<string, TaskVar>, m: Module): Code {
  switch (node.op) {
    case "task": {
      const v = vars.get(node.task)!;
      v.used = true;
      return raw(node.status ? `${v.ident}.${STATUS[node.status]}` : v.ident);
    }
    case "not":
      return call(m.use("not"), [dependsCode(node.item, vars, m)]);
    default:
      return call(m.use(node.op), node.items.map((i) => dependsCode(i, vars, m)));
  }
}

/** Replays the compiler's dependency inference (explicit, then inferred minus transitively implied). */
class DepSim {
  readonly depsOf = new Map<string, string[]>();
  readonly order = new Map<string, number>();

  impliedBy(t: string, others: string[]): boolean {
    const floor = this.order.get(t) ?? 0;
    const seen = new Set<string>();
    const queue = others.filter((x) => (this.order.get(x) ?? 0) > floor);
    let budget = 512;
    while (queue.length && budget-- > 0) {
      const x = queue.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      for (const d of this.depsOf.get(x) ?? []) {
        if (d === t) return true;
        if ((this.order.get(d) ?? 0) > floor) queue.push(d);
      }
    }
    return false;
  }

  /** What the compiler writes for a task given `after`, `depends` and the tasks its values reference. */
  emit(after: string[], expr: DepNode | undefined, refs: string[], style: "depends" | "dependencies"): { depends?: string; dependencies?: string[]; deps: string[] } {
    const inDepends = expr ? dependsTasks(expr) : [];
    const mentioned = new Set([...after, ...inDepends]);
    const inferred: string[] = [];
    for (const t of refs) if (!mentioned.has(t) && !inferred.includes(t)) inferred.push(t);
    const needed = inferred.filter((t) => !this.impliedBy(t, [...mentioned, ...inferred.filter((x) => x !== t)]));
    const deps = [...mentioned, ...needed];
    if (expr) return { depends: [printDepends(expr, needed.length === 0 && after.length === 0), ...after, ...needed].join(" && "), deps };
    const all = [...after, ...needed];
    if (!all.length) return { deps };
    return style === "dependencies" ? { dependencies: all, deps } : { depends: all.join(" && "), deps };
  }
}

function taskRefs(task: Obj, prefix: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      for (const m of v.matchAll(HAND_REF)) if (m[1] === prefix && m[2] !== task.name) out.push(m[2]!);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (isObj(v)) Object.values(v).forEach(walk);
  };
  const args = isObj(task.arguments) ? task.arguments : {};
  walk(args.parameters);
  walk(args.artifacts);
  walk(task.withParam);
  walk(task.withSequence);
  walk(task.when);
  const { name: _n, template: _t, inline: _il, arguments: _a, dependencies: _d, depends: _p, when: _w, withItems: _i, withParam: _wp, withSequence: _s, ...rest } = task;
  walk(rest);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Templates

interface Gen {
  readonly m: Module;
  readonly byName: Map<string, TemplateInfo>;
  /** Templates of other WorkflowTemplates, by `name/template[/cluster]`. */
  readonly refs: Map<string, TemplateInfo>;
  /** Templates written inline in a task, by the task. */
  readonly inlines: Map<Obj, TemplateInfo>;
  /** Templates defined inside the body of another (recursive cycles), by that other template. */
  readonly nested: Map<TemplateInfo, TemplateInfo[]>;
  /** The `self` of the bodies being generated: a nested template calls its enclosing one through it. */
  readonly selfs: Map<TemplateInfo, string>;
  readonly where: string;
}

function inputScope(g: Gen, t: TemplateInfo, names: Namer, prefix: Scope["prefix"]): Scope {
  const inputs = new Map<string, string>();
  const artifactInputs = new Map<string, string>();
  for (const p of t.inParams.keys()) inputs.set(p, names.take(p, "Input"));
  for (const a of t.inArtifacts.keys()) artifactInputs.set(a, names.take(a, "Input"));
  return { inputs, artifactInputs, optional: t.omitted, vars: g.m.varsUsed, usedInputs: new Set(), tasks: new Map(), prefix, group: 0, item: undefined, selfTask: undefined, where: `${g.where}: template "${t.name}"` };
}

function paramsPattern(scope: Scope, self?: string): string {
  const items: string[] = [];
  for (const [name, id] of [...scope.inputs, ...scope.artifactInputs]) {
    if (!scope.usedInputs.has(name)) continue;
    items.push(name === id ? id : `${isIdentifier(name) || /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name)}: ${id}`);
  }
  const first = items.length ? `{ ${items.join(", ")} }` : "";
  if (self) return `(${first || "_"}, ${self})`;
  return `(${first})`;
}

function templateOptions(g: Gen, t: TemplateInfo, extra: [string, Code][] = []): Code {
  const y = t.yaml;
  const entries: [string, Code][] = [["name", str([t.name])]];
  const inputs = ioDecls(g.m, y.inputs, "input", `${g.where}: template "${t.name}"`, t.omitted);
  if (inputs) entries.push(["inputs", inputs]);
  const outputs = ioDecls(g.m, y.outputs, "output", `${g.where}: template "${t.name}"`, undefined, t.outArtKeys);
  if (outputs) entries.push(["outputs", outputs]);
  entries.push(...extra);
  for (const [k, v] of Object.entries(y)) {
    if (["name", "inputs", "outputs", t.kind].includes(k)) continue;
    if (["dependencyStyle", "target", "failFast"].includes(k) && t.kind === "dag") unsupported(`${g.where}: template "${t.name}"`, `template field "${k}" clashes with a dag() option`);
    entries.push([k, conv(v, undefined)]);
  }
  return obj(entries);
}

function leafTemplate(g: Gen, t: TemplateInfo): Code {
  const names = g.m.names.child();
  const scope = inputScope(g, t, names, undefined);
  const body = t.yaml[t.kind];
  const factory = g.m.use(t.kind);
  const spec = conv(body, scope);
  const options = templateOptions(g, t);
  if (t.kind === "suspend" && isObj(body) && !Object.keys(body).length) return call(factory, [options]);
  if (!scope.usedInputs.size) return call(factory, [options, spec]);
  return call(factory, [options, arrow(paramsPattern(scope), spec)]);
}

interface BodyCtx {
  readonly g: Gen;
  readonly t: TemplateInfo;
  readonly scope: Scope;
  readonly names: Namer;
  readonly style: "depends" | "dependencies";
  readonly sim: DepSim;
  readonly stmts: { code: () => Code; task?: TaskVar }[];
  /** The identifier of the template itself, for recursive calls. */
  readonly self: string | undefined;
}

function bodyTemplate(g: Gen, t: TemplateInfo, parentNames: Namer = g.m.names): Code {
  const names = parentNames.child();
  const isDag = t.kind === "dag";
  const scope = inputScope(g, t, names, isDag ? "tasks" : "steps");
  const y = t.yaml;
  const extra: [string, Code][] = [];
  let tasks: Obj[][];
  let style: "depends" | "dependencies" = "depends";
  if (isDag) {
    const d = y.dag as Obj;
    for (const k of Object.keys(d)) if (!["tasks", "target", "failFast"].includes(k)) unsupported(scope.where, `dag field "${k}"`);
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
  const ctx: BodyCtx = { g, t, scope, names, style, sim: new DepSim(), stmts: [], self };
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
    if (!group.length) unsupported(scope.where, "an empty step group");
    if (!isDag && group.length > 1) {
      const inner: { code: () => Code; task?: TaskVar; call?: Code }[] = [];
      for (const task of group) inner.push(taskStatement(ctx, task, index++, gi, true));
      g.m.use("parallel");
      ctx.stmts.push({
        code: () => {
          const used = inner.map((s) => s.task!.used);
          if (!used.includes(true)) return stmt("", call("parallel", [arrow("()", block(inner.map((s) => s.code())))]));
          // Later groups use some of these tasks: parallel() returns them.
          const pattern = inner.slice(0, used.lastIndexOf(true) + 1).map((s) => (s.task!.used ? s.task!.ident : "")).join(", ");
          return stmt(`const [${pattern}] = `, call("parallel", [arrow("()", post(arr(inner.map((s) => s.call!)), " as const"))]));
        },
      });
    } else {
      for (const task of group) ctx.stmts.push(taskStatement(ctx, task, index++, gi));
    }
  });
  // Outputs computed from tasks: returned from the body.
  const ret: [string, Code][] = [];
  const outputs = isObj(y.outputs) ? y.outputs : undefined;
  let outYaml = outputs;
  if (outputs) {
    scope.group = Number.MAX_SAFE_INTEGER;
    const params = ((outputs.parameters as Obj[]) ?? []).map((p) => ({ ...p }));
    const arts = ((outputs.artifacts as Obj[]) ?? []).map((a) => ({ ...a }));
    // A body's returned values are matched by Argo name: a name both a parameter and an artifact
    // have stays in the declaration.
    const shared = new Set([...t.outArtKeys].filter(([n, k]) => n !== k).map(([n]) => n));
    for (const p of params) {
      const vf = p.valueFrom;
      if (isObj(vf) && Object.keys(vf).length === 1 && typeof vf.parameter === "string" && !shared.has(String(p.name))) {
        const c = convStr(vf.parameter, scope);
        if (c.single === "string") {
          ret.push([String(p.name), c.code]);
          delete p.valueFrom;
        }
      }
    }
    for (const a of arts) {
      if (typeof a.from === "string" && !shared.has(String(a.name))) {
        const c = convStr(a.from, scope);
        if (c.single === "artifact") {
          ret.push([String(a.name), c.code]);
          delete a.from;
        }
      }
    }
    // Expressions (`valueFrom.expression`, `fromExpression`) whose every reference is known: `expr`.
    const asExpr = (e: unknown): Code | undefined => {
      if (typeof e !== "string") return undefined;
      const used = [...scope.tasks.values()].map((x) => [x, x.used] as const);
      const code = exprCode(ctx, `{{=${e}}}`, true);
      if (!code) for (const [x, u] of used) x.used = u;
      return code;
    };
    for (const p of params) {
      const vf = p.valueFrom;
      if (!isObj(vf) || Object.keys(vf).length !== 1 || shared.has(String(p.name))) continue;
      const code = asExpr(vf.expression);
      if (code) {
        ret.push([String(p.name), code]);
        delete p.valueFrom;
      }
    }
    for (const a of arts) {
      if (a.from !== undefined || shared.has(String(a.name))) continue;
      const code = asExpr(a.fromExpression);
      if (code) {
        ret.push([String(a.name), code]);
        delete a.fromExpression;
      }
    }
    outYaml = { ...outputs };
    if (params.length) outYaml.parameters = params;
    if (arts.length) outYaml.artifacts = arts;
  }
  g.selfs.delete(t);
  const stmts = ctx.stmts.map((s) => s.code());
  if (ret.length) stmts.push(stmt("return ", obj(ret)));
  const options = templateOptions(g, { ...t, yaml: { ...y, outputs: outYaml } }, extra);
  const factory = g.m.use(t.kind);
  return call(factory, [options, arrow(paramsPattern(scope, ctx.self), block(stmts))]);
}

function taskStatement(ctx: BodyCtx, task: Obj, index: number, group: number, inParallel = false): { code: () => Code; task?: TaskVar; call?: Code } {
  const { g, scope, names } = ctx;
  const tname = String(task.name);
  const where = `${scope.where}, task "${tname}"`;
  let callee: TemplateInfo | undefined;
  if (isObj(task.templateRef) && task.template === undefined) callee = g.refs.get(refKey(task.templateRef));
  else if (isObj(task.inline) && task.template === undefined) callee = g.inlines.get(task);
  else if (typeof task.template !== "string") unsupported(where, "a task without a template");
  else callee = g.byName.get(task.template);
  if (!callee) unsupported(where, `calls template "${String(task.template)}", which is not in this manifest`);
  const v: TaskVar = { name: tname, index, template: callee, ident: "", used: false, group, inParallel };
  v.ident = names.take(tname, "Task");

  // Arguments
  const args: [string, Code][] = [];
  const targs = isObj(task.arguments) ? task.arguments : {};
  for (const k of Object.keys(targs)) if (k !== "parameters" && k !== "artifacts") unsupported(where, `arguments.${k}`);
  const loop = task.withItems !== undefined ? "items" : task.withParam !== undefined ? "param" : task.withSequence !== undefined ? "sequence" : undefined;
  // Each loop callback is its own scope: `item` unless the body uses that name.
  const itemIdent = loop ? (names.has("item") ? names.child().take("item") : "item") : "";
  scope.item = loop ? { ident: itemIdent, kind: loop, items: loop === "items" ? (task.withItems as unknown[]) : undefined, paths: new Map() } : undefined;
  // Arguments the callee does not declare (Argo ignores them) go in `extra.arguments`, which the
  // compiler writes after the declared ones.
  const undeclared: { parameters: Code[]; artifacts: Code[] } = { parameters: [], artifacts: [] };
  const declaredAfter = (kind: string, name: string) =>
    unsupported(where, `passes ${kind} "${name}" of template "${callee.name}" after one the template does not declare (undeclared arguments can only come last)`);
  for (const p of (targs.parameters as Obj[]) ?? []) {
    const keys = Object.keys(p);
    if (!callee.inParams.has(String(p.name))) {
      undeclared.parameters.push(conv(p, scope));
      continue;
    }
    if (undeclared.parameters.length) declaredAfter("parameter", String(p.name));
    if (keys.some((k) => k !== "name" && k !== "value") || p.value === undefined) unsupported(where, `argument parameter "${String(p.name)}" with fields other than a value (${keys.join(", ")})`);
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
    } else args.push([name, conv(rest, scope)]);
  }
  for (const [pname, p] of callee.inParams) {
    const optional = p.default !== undefined || p.value !== undefined || p.valueFrom !== undefined;
    if (!optional && !args.some(([k]) => k === pname)) unsupported(where, `does not pass input "${pname}" of template "${callee.name}", which has no default`);
  }
  for (const [aname, a] of callee.inArtifacts) {
    const hasSource = ["from", "fromExpression", "s3", "gcs", "git", "http", "artifactory", "hdfs", "oss", "raw", "azure", "plugin", "optional"].some((k) => a[k] !== undefined);
    if (!hasSource && !args.some(([k]) => k === aname)) unsupported(where, `does not pass input artifact "${aname}" of template "${callee.name}"`);
  }

  // Options
  const opts: [string, Code][] = [];
  const autoName = callee.name;
  if (tname !== autoName || scope.tasks.has(autoName)) opts.push(["name", str([tname])]);
  if (scope.prefix === "tasks") depOptions(ctx, task, v, opts, where);
  else if (task.dependencies !== undefined || task.depends !== undefined) unsupported(where, "dependencies in a steps template");
  if (task.when !== undefined) opts.push(["when", whenCode(ctx, String(task.when))]);
  const { name: _n, template: _t, templateRef: _r, inline: _i, arguments: _a, dependencies: _d, depends: _p, when: _w, withItems, withParam, withSequence, ...rest } = task;
  // `extra` (hooks) may pass the task's own outputs on: then it is a function of the task.
  const selfVar: TaskVar = { ...v, ident: names.child().take("self"), used: false };
  scope.selfTask = selfVar;
  const extra = extraCode(rest, scope, g.byName, (x) => templateIdent(ctx, x));
  scope.selfTask = undefined;
  const extraArgs = (["parameters", "artifacts"] as const).filter((k) => undeclared[k].length).map((k) => [k, arr(undeclared[k])] as [string, Code]);
  if (extraArgs.length) extra.push(["arguments", obj(extraArgs)]);
  if (extra.length) opts.push(["extra", selfVar.used ? arrow(`(${selfVar.ident})`, obj(extra)) : obj(extra)]);

  let callCode: Code = call(templateIdent(ctx, callee), [...(args.length || opts.length ? [obj(args)] : []), ...(opts.length ? [obj(opts)] : [])]);
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
      } else if ([...(it.paths.keys())].length === 0 && usesItem(task)) {
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

/** How a body refers to a template: its const, or the `self` of the body (or an enclosing body) that defines it. */
function templateIdent(ctx: BodyCtx, t: TemplateInfo): string {
  if (t === ctx.t && ctx.self) return ctx.self;
  return ctx.g.selfs.get(t) ?? t.ident;
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

function depOptions(ctx: BodyCtx, task: Obj, v: TaskVar, opts: [string, Code][], where: string): void {
  const { scope, sim, style, g } = ctx;
  const tname = v.name;
  sim.order.set(tname, v.index);
  const refs = taskRefs(task, "tasks").filter((r) => scope.tasks.has(r) || r === tname || true);
  let want: { depends?: string; dependencies?: string[] };
  let plain: string[] | undefined;
  let expr: DepNode | undefined;
  if (Array.isArray(task.dependencies)) {
    want = { dependencies: task.dependencies.map(String) };
    plain = want.dependencies;
    if (task.depends !== undefined) unsupported(where, "both depends and dependencies");
  } else if (typeof task.depends === "string") {
    want = { depends: task.depends };
    expr = parseDepends(task.depends);
    if (!expr) unsupported(where, `depends expression ${JSON.stringify(task.depends)} does not parse`);
    const conj = expr.op === "and" ? expr.items : [expr];
    if (conj.every((x) => x.op === "task" && !x.status) && conj.map((x) => (x as { task: string }).task).join(" && ") === task.depends) {
      plain = conj.map((x) => (x as { task: string }).task);
      expr = undefined;
    }
  } else if (task.depends === undefined && task.dependencies === undefined) {
    want = {};
    plain = [];
  } else unsupported(where, "depends/dependencies of an unexpected type");
  for (const n of [...(plain ?? []), ...(expr ? dependsTasks(expr) : [])]) {
    if (!scope.tasks.has(n)) unsupported(where, `depends on "${n}", which is not a task listed before it`);
  }
  const same = (r: { depends?: string; dependencies?: string[] }) =>
    r.depends === want.depends && JSON.stringify(r.dependencies) === JSON.stringify(want.dependencies);
  const plainStyle = style;
  const candidates: { after: string[]; expr: DepNode | undefined }[] = [];
  if (plain) {
    candidates.push({ after: plain.filter((x) => !refs.includes(x)), expr: undefined });
    candidates.push({ after: plain, expr: undefined });
  } else if (expr) {
    candidates.push({ after: [], expr });
    if (expr.op === "and") {
      const items = [...expr.items];
      const after: string[] = [];
      while (items.length > 1 && items[items.length - 1]!.op === "task" && !(items[items.length - 1] as { status?: string }).status) {
        after.unshift((items.pop() as { task: string }).task);
        candidates.push({ after: [...after], expr: items.length === 1 ? items[0] : { op: "and", items: [...items] } });
      }
    }
  }
  for (const c of candidates) {
    const saved = new Map(sim.depsOf);
    const r = sim.emit(c.after, c.expr, refs, plainStyle);
    const wantStyle = want.dependencies ? "dependencies" : "depends";
    if (same(r) && (plain ? !c.after.length || wantStyle === style || !want.depends && !want.dependencies : true)) {
      sim.depsOf.set(tname, r.deps);
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
    sim.depsOf.clear();
    for (const [k, x] of saved) sim.depsOf.set(k, x);
  }
  const got = sim.emit(plain ?? [], expr, refs, plainStyle);
  unsupported(where, `dependencies cannot be reproduced exactly: the input has ${JSON.stringify(want)}, the compiler would write ${JSON.stringify({ depends: got.depends, dependencies: got.dependencies })}`);
}

/** How the compiler prints a reference inside an expression (`tasks['a-b'].outputs.result`). */
function exprForm(path: string, quote: string): string {
  return path
    .split(".")
    .map((part, i) => (i > 0 && /[^A-Za-z0-9_]/.test(part) ? `[${quote}${part}${quote}]` : (i > 0 ? "." : "") + part))
    .join("");
}

const EXPR_REF = /(inputs|tasks|steps)((?:\.[A-Za-z0-9_]+|\[(?:'[^']*'|"[^"]*")\])+)/g;

/**
 * A `{{= ... }}` expression as an `expr` (or `exprDq`) tagged template with references, when every
 * reference the scope knows prints back exactly as written; else undefined.
 */
function exprCode(ctx: BodyCtx, s: string, all = false): Code | undefined {
  const m = /^\{\{=([\s\S]*)\}\}$/.exec(s);
  if (!m || /`|\$\{|\{\{|\}\}/.test(m[1]!)) return undefined;
  const body = m[1]!;
  const parts: (string | Code)[] = [];
  let last = 0;
  let quote: string | undefined;
  for (const r of body.matchAll(EXPR_REF)) {
    const segs = [...r[2]!.matchAll(/\.([A-Za-z0-9_]+)|\[(['"])([^'"]*)\2\]/g)].map((x) => ({ name: x[1] ?? x[3]!, q: x[2] }));
    // The longest prefix that is a known reference.
    let found: { code: string; len: number; q: string | undefined } | undefined;
    for (let n = segs.length; n >= 1 && !found; n--) {
      const path = [r[1]!, ...segs.slice(0, n).map((x) => x.name)].join(".");
      const res = resolvePlaceholder(path, ctx.scope);
      if (!res || res.type === "artifact") continue;
      const qs = new Set(segs.slice(0, n).map((x) => x.q).filter(Boolean));
      const q = qs.size ? [...qs][0] : undefined;
      if (qs.size > 1 || (q && quote && q !== quote)) continue;
      const text = exprForm(path, q ?? quote ?? "'");
      if (!r[0].startsWith(text) || /^[A-Za-z0-9_]/.test(r[0].slice(text.length))) continue;
      found = { code: res.code, len: text.length, q };
    }
    if (!found) {
      if (all) return undefined;
      continue;
    }
    if (found.q) quote = found.q;
    if (r.index! > last) parts.push(body.slice(last, r.index));
    parts.push(raw(found.code));
    last = r.index! + found.len;
  }
  if (last === 0) return undefined;
  if (last < body.length) parts.push(body.slice(last));
  return tagged(ctx.g.m.use(quote === '"' ? "exprDq" : "expr"), parts);
}

function whenCode(ctx: BodyCtx, s: string): Code {
  const { scope, g } = ctx;
  const e = exprCode(ctx, s);
  if (e) return e;
  const m = /^(\S+) (==|!=) (\S+)$/.exec(s);
  if (m && !/&&|\|\|/.test(s)) {
    const l = convStr(m[1]!, scope);
    const r = convStr(m[3]!, scope);
    if (l.refs || r.refs) {
      const fn = g.m.use(m[2] === "==" ? "eq" : "ne");
      return call(fn, [l.code, r.code]);
    }
  }
  const c = convStr(s, scope);
  if (!c.refs) return c.code;
  if (c.code.t === "str" && !/[`\\]|\$\{/.test(s)) return tagged(g.m.use("condition"), c.code.parts);
  if (c.code.t === "raw") return tagged(g.m.use("condition"), [c.code]);
  return c.code;
}

// ---------------------------------------------------------------------------------------------
// Workflows

const WORKFLOW_FACTORY: Record<string, string> = {
  Workflow: "workflow",
  WorkflowTemplate: "workflowTemplate",
  ClusterWorkflowTemplate: "clusterWorkflowTemplate",
  CronWorkflow: "cronWorkflow",
};

function refKey(r: Obj): string {
  return `${String(r.name)}/${String(r.template)}${r.clusterScope === true ? "/cluster" : ""}`;
}

/** One `templateRef(...)` const per template of another WorkflowTemplate the tasks call, inputs from the arguments passed. */
function templateRefs(g: Gen, infos: TemplateInfo[]): string[] {
  const calls = new Map<string, { ref: Obj; tasks: Obj[] }>();
  for (const t of infos) {
    const tasks = t.kind === "dag" ? (((t.yaml.dag as Obj).tasks as Obj[] | null) ?? []) : t.kind === "steps" ? ((t.yaml.steps as Obj[][] | null) ?? []).flat() : [];
    for (const task of tasks) {
      if (!isObj(task.templateRef) || task.template !== undefined) continue;
      const r = task.templateRef;
      const where = `${g.where}: template "${t.name}", task "${String(task.name)}"`;
      for (const k of Object.keys(r)) if (!["name", "template", "clusterScope"].includes(k)) unsupported(where, `templateRef.${k}`);
      if (r.clusterScope !== undefined && r.clusterScope !== true) unsupported(where, "templateRef.clusterScope written as false");
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
      ...params.map((n) => [n, raw(count.get(n) === tasks.length ? "z.string()" : "z.string().optional()")] as [string, Code]),
      ...arts.map((n) => [n, call(g.m.use("artifact"), count.get(n) === tasks.length ? [] : [raw("{ optional: true }")])] as [string, Code]),
    ];
    const src = obj([["name", literal(ref.name)], ...(ref.clusterScope === true ? [["clusterScope", raw("true")] as [string, Code]] : [])]);
    const args: Code[] = [src, literal(String(ref.template))];
    if (inputs.length) args.push(obj([["inputs", obj(inputs)]]));
    out.push(print(stmt(`const ${info.ident} = `, call(g.m.use("templateRef"), args))));
  }
  return out;
}

/** The tasks of a DAG or steps template (all step groups), else none. */
function bodyTasks(t: TemplateInfo): Obj[] {
  if (t.kind === "dag") return ((t.yaml.dag as Obj).tasks as Obj[] | null) ?? [];
  if (t.kind === "steps") return ((t.yaml.steps as Obj[][] | null) ?? []).flat();
  return [];
}

function documentCode(m: Module, doc: Obj, label: string, exportName: string | undefined): string[] {
  const kind = String(doc.kind);
  const meta = isObj(doc.metadata) ? doc.metadata : {};
  const rawSpec = isObj(doc.spec) ? doc.spec : {};
  let spec: Obj = rawSpec;
  const cronEntries: [string, Code][] = [];
  if (kind === "CronWorkflow") {
    const { workflowSpec, workflowMetadata, schedules, ...cron } = rawSpec;
    if (!Array.isArray(schedules)) unsupported(label, "a CronWorkflow without `schedules` (the singular `schedule` is not in wfc's API)");
    spec = isObj(workflowSpec) ? workflowSpec : {};
    cronEntries.push(["schedules", literal(schedules)]);
    if (Object.keys(cron).length) cronEntries.push(["cron", literal(cron)]);
    if (workflowMetadata !== undefined) cronEntries.push(["workflowMetadata", literal(workflowMetadata)]);
  }
  const infos = ((spec.templates as Obj[] | undefined) ?? []).map((t) => templateInfo(t, `${label}: template "${String(t.name)}"`));
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
      if (task.inline.name !== undefined) unsupported(w, "an inline template with a name (the compiler writes inline templates without one)");
      const info = templateInfo({ name: task.name, ...task.inline }, w);
      if (!(LEAF_KINDS as readonly string[]).includes(info.kind)) unsupported(w, `an inline ${info.kind} template (inline() is for templates that call no others)`);
      inlines.set(task, info);
      (inlineOf.get(t) ?? inlineOf.set(t, []).get(t)!).push(info);
    }
  }
  for (const t of infos) {
    for (const task of bodyTasks(t)) {
      const callee = inlines.get(task) ?? byName.get(String(task.template));
      if (!callee) continue;
      const passed = new Set(((isObj(task.arguments) ? (task.arguments.parameters as Obj[]) : undefined) ?? []).map((p) => String(p.name)));
      for (const [n, p] of callee.inParams) if (!passed.has(n) && p.default === undefined) callee.omitted.add(n);
    }
  }
  const outsideRefs = [spec.entrypoint, spec.onExit, ...hookTemplates(spec)].filter((x): x is string => typeof x === "string");
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
    opts.push(["entrypoint", t ? raw(t.ident) : literal(entrypoint)]);
    reach(entrypoint);
  } else if (entrypoint !== undefined) unsupported(label, "entrypoint is not a string");
  if (typeof onExit === "string") {
    const t = byName.get(onExit);
    if (!t) unsupported(label, `onExit "${onExit}" is not a template of this manifest`);
    opts.push(["onExit", raw(t.ident)]);
    reach(onExit);
  } else if (onExit !== undefined) unsupported(label, "onExit is not a string");
  for (const n of hookTemplates(spec)) reach(n);
  const inner = new Set([...nested.values()].flat());
  const others = infos.filter((t) => !reachable.has(t.name) && !inner.has(t));
  if (others.length) opts.push(["templates", arr(others.map((t) => raw(t.ident)))]);
  for (const k of ["entrypointName", "bodyKind", "dependencyStyle", "parameters", "templates", "schedules", "cron", "workflowMetadata"]) {
    if (k in specRest && !(kind === "CronWorkflow" && k === "workflowMetadata" && false)) {
      if (k === "workflowMetadata" && kind !== "CronWorkflow") continue;
      unsupported(label, `spec field "${k}" clashes with a wfc option of the same name`);
    }
  }
  opts.push(...extraCode(specRest, undefined, byName));
  const factory = m.use(WORKFLOW_FACTORY[kind]!);
  const wf = call(factory, [obj(opts)]);
  out.push(print(stmt(exportName ? `export const ${exportName} = ` : "export default ", wf)));
  return out;
}

function workflowArgs(m: Module, args: unknown, label: string): Code | undefined {
  if (!isObj(args)) unsupported(label, "spec.arguments is not an object");
  for (const k of Object.keys(args)) if (k !== "parameters" && k !== "artifacts") unsupported(label, `spec.arguments.${k}`);
  const entries: [string, Code][] = [];
  for (const p of (args.parameters as Obj[]) ?? []) entries.push([String(p.name), paramDecl(m, p, "workflow")]);
  for (const a of (args.artifacts as Obj[]) ?? []) entries.push([String(a.name), artifactDecl(m, a)]);
  return entries.length ? obj(entries) : undefined;
}

/** Generates one TypeScript module for the given (validated) manifests. */
export function generateModule(docs: readonly Obj[], file: string): string {
  const m = new Module();
  const sections: string[] = [];
  const exportNames = new Namer();
  docs.forEach((doc, i) => {
    const meta = (doc.metadata ?? {}) as Obj;
    const nm = String(meta.name ?? meta.generateName ?? `document-${i + 1}`);
    const label = `${file}: ${String(doc.kind)}/${nm}`;
    let exportName: string | undefined;
    if (docs.length > 1) {
      exportName = m.names.take(nm.replace(/-$/, ""), String(doc.kind));
      exportNames.reserve(exportName);
    }
    sections.push(documentCode(m, doc, label, exportName).join("\n\n"));
  });
  if (m.varsUsed.size) m.imports.add("vars");
  const values = [...m.imports].sort((a, b) => a.localeCompare(b));
  const types = [...m.typeImports].sort().map((t) => `type ${t}`);
  const importList = [...values, ...types];
  const header = `// Generated by \`wfc import\` from ${file}.\n`;
  const flat = `import { ${importList.join(", ")} } from "@wfc/sdk";`;
  const imp = flat.length <= 120 ? flat : `import {\n${importList.map((n) => `  ${n},\n`).join("")}} from "@wfc/sdk";`;
  void camelCase;
  return `${header}${imp}\n\n${sections.join("\n\n")}\n`;
}
