/**
 * Argo placeholders (`{{inputs.parameters.x}}`, `{{tasks.a.outputs.result}}`, `{{workflow.name}}`,
 * `{{item}}`) in YAML values, turned into wfc references where the scope knows them.
 */
import { mayHaveResult, taskRefs } from "@wfc/sdk/internal";
import type { TemplateInfo } from "./plan.js";
import { arr, type Code, literal, member, obj, raw, str } from "./printer.js";
import { isObj } from "./values.js";

/** The type of a reference, as far as the generated code needs it. */
export type RefType = "string" | "number" | "artifact" | "other";

export interface TaskVar {
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

export interface Scope {
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
  item:
    | { ident: string; kind: "items" | "param" | "sequence"; items?: unknown[]; paths: Map<string, string[]> }
    | undefined;
  /** The task whose `extra` is being converted: its own outputs are the `extra` function's argument. */
  selfTask: TaskVar | undefined;
  readonly where: string;
}

/** The result of converting a string: its code, and the reference's type when it is one reference. */
export interface Conv {
  readonly code: Code;
  readonly single?: RefType;
  readonly refs: boolean;
}

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

/** Converts `{{...}}` placeholders the scope knows into references. */
export function convStr(s: string, scope: Scope | undefined): Conv {
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

export function resolvePlaceholder(inner: string, scope: Scope): { code: string; type: RefType } | undefined {
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
  const ref = inner === inner.trim() ? taskRefs(`{{${inner}}}`).next().value : undefined;
  if (ref && ref.text.length === inner.length + 4) {
    if (ref.scope !== scope.prefix) return undefined;
    const own = scope.selfTask?.name === ref.task ? scope.selfTask : undefined;
    const t = own ?? scope.tasks.get(ref.task);
    if (!t) return undefined;
    if (!own && scope.prefix === "steps" && t.group >= scope.group) return undefined;
    let code: string;
    let type: RefType = "string";
    if (ref.output?.what === "parameters") {
      if (!t.template.outParams.has(ref.output.name)) return undefined;
      code = member(`${t.ident}.outputs`, ref.output.name);
    } else if (ref.output) {
      if (!t.template.outArtifacts.has(ref.output.name)) return undefined;
      code = member(`${t.ident}.outputs`, t.template.outArtKeys.get(ref.output.name) ?? ref.output.name);
      type = "artifact";
    } else if (ref.attribute === "outputs.result") {
      if (!mayHaveResult(t.template.kind)) return undefined;
      code = `${t.ident}.result`;
    } else if (ref.attribute === "exitCode") {
      code = `${t.ident}.exitCode`;
      type = "number";
    } else if (ref.attribute === "status") code = `${t.ident}.status`;
    else code = `${t.ident}.attr(${JSON.stringify(ref.attribute)})`;
    t.used = true;
    return { code, type };
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

/**
 * Deep-converts a YAML value to code, placeholders in strings to references. With `asText`, a
 * string that is one reference is written as a template literal too (for fields typed `string`,
 * such as an artifact argument's `subPath` or `s3.key`).
 */
export function conv(v: unknown, scope: Scope | undefined, asText = false): Code {
  if (typeof v === "string") {
    const c = convStr(v, scope);
    return c.single && (asText || c.single !== "string") ? str([c.code]) : c.code;
  }
  if (Array.isArray(v)) return arr(v.map((x) => conv(x, scope, asText)));
  if (isObj(v)) return obj(Object.entries(v).map(([k, x]) => [k, conv(x, scope, asText)] as const));
  return literal(v);
}

/** A string value for a string-typed parameter: a reference if it is one string-typed reference. */
export function convParamValue(v: unknown, scope: Scope | undefined): Code {
  if (typeof v !== "string") return str([String(v)]);
  const c = convStr(v, scope);
  return c.single && c.single !== "string" ? str([c.code]) : c.code;
}
