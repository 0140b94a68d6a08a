import type { CrdSchema } from "../validate/crd-schemas.js";
import { isArgoKind, loadCrdSchema } from "../validate/crd-schemas.js";

/**
 * The result of {@link k8sEqual}: `equal`, and one line per difference naming the document and path.
 *
 * @example
 * ```ts
 * const r: K8sDiff = { equal: false, diffs: ['Workflow/hello: spec.entrypoint: "a" != "b"'] };
 * ```
 */
export interface K8sDiff {
  equal: boolean;
  diffs: string[];
}

const MAX_DIFFS = 200;

/**
 * Compares two lists of manifests as the project's golden tests must: equal up to what Kubernetes treats
 * as equal, and nothing more. Ignored: object key order, document order (documents are paired by
 * `kind/name`, or `kind/generateName`), the order of `spec.templates` (and `spec.workflowSpec.templates` of
 * a CronWorkflow), compared by template name, and `10` vs `"10"` in fields the vendored CRD schema marks
 * `x-kubernetes-int-or-string`. Everything else (null vs absent, list order, types) counts.
 *
 * @example
 * ```ts
 * const r = k8sEqual(parseK8sYaml(golden), parseK8sYaml(emitYaml(compiled)));
 * if (!r.equal) console.error(r.diffs.join("\n"));
 * // e.g. 'Workflow/hello: spec.templates[name=main].container.args[0]: "a" != "b"'
 * ```
 */
export function k8sEqual(a: readonly unknown[], b: readonly unknown[]): K8sDiff {
  const diffs: string[] = [];
  const left = keyed(a);
  const right = keyed(b);
  for (const [key, x] of left) {
    if (!right.has(key)) {
      diffs.push(`${key}: document only on the left`);
      continue;
    }
    const y = right.get(key);
    compare(x, y, "", schemaFor(x), templateListPaths(x), { doc: key, diffs });
  }
  for (const key of right.keys()) if (!left.has(key)) diffs.push(`${key}: document only on the right`);
  if (diffs.length > MAX_DIFFS)
    diffs.splice(MAX_DIFFS, diffs.length - MAX_DIFFS, `... and ${diffs.length - MAX_DIFFS} more differences`);
  return { equal: diffs.length === 0, diffs };
}

function docKey(d: unknown, i: number): string {
  if (typeof d === "object" && d !== null && !Array.isArray(d)) {
    const o = d as { kind?: unknown; metadata?: { name?: unknown; generateName?: unknown; namespace?: unknown } };
    const name = o.metadata?.name ?? o.metadata?.generateName;
    const ns = typeof o.metadata?.namespace === "string" ? `${o.metadata.namespace}/` : "";
    if (typeof o.kind === "string" && typeof name === "string") return `${o.kind}/${ns}${name}`;
  }
  return `#${i}`;
}

function keyed(docs: readonly unknown[]): Map<string, unknown> {
  const m = new Map<string, unknown>();
  docs.forEach((d, i) => {
    let k = docKey(d, i);
    if (m.has(k)) k = `${k}#${i}`;
    m.set(k, d);
  });
  return m;
}

function schemaFor(d: unknown): CrdSchema | undefined {
  const kind = (d as { kind?: unknown } | null)?.kind;
  return isArgoKind(kind) ? loadCrdSchema(kind) : undefined;
}

function templateListPaths(d: unknown): Set<string> {
  const kind = (d as { kind?: unknown } | null)?.kind;
  if (kind === "Workflow" || kind === "WorkflowTemplate" || kind === "ClusterWorkflowTemplate")
    return new Set(["spec.templates"]);
  if (kind === "CronWorkflow") return new Set(["spec.workflowSpec.templates"]);
  return new Set();
}

interface Ctx {
  doc: string;
  diffs: string[];
}

const SIMPLE_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
const child = (path: string, key: string): string =>
  SIMPLE_KEY.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

function show(v: unknown): string {
  if (v === undefined) return "<absent>";
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function compare(
  x: unknown,
  y: unknown,
  path: string,
  schema: CrdSchema | undefined,
  lists: Set<string>,
  ctx: Ctx,
): void {
  if (ctx.diffs.length > MAX_DIFFS) return;
  if (x === y) return;
  if (schema?.["x-kubernetes-int-or-string"] && intOrStringEqual(x, y)) return;
  if (Array.isArray(x) && Array.isArray(y)) {
    const items = schema?.items;
    if (lists.has(path) && byNameComparable(x, y)) {
      compareByName(x, y, path, items, lists, ctx);
      return;
    }
    if (x.length !== y.length) ctx.diffs.push(`${ctx.doc}: ${path}: ${x.length} items != ${y.length} items`);
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) compare(x[i], y[i], `${path}[${i}]`, items, lists, ctx);
    return;
  }
  if (isObject(x) && isObject(y)) {
    for (const k of Object.keys(x))
      compare(x[k], k in y ? y[k] : undefined, child(path, k), propSchema(schema, k), lists, ctx);
    for (const k of Object.keys(y))
      if (!(k in x)) compare(undefined, y[k], child(path, k), propSchema(schema, k), lists, ctx);
    return;
  }
  if (typeof x === "number" && typeof y === "number" && Number.isNaN(x) && Number.isNaN(y)) return;
  ctx.diffs.push(`${ctx.doc}: ${path || "<root>"}: ${show(x)} != ${show(y)}`);
}

function propSchema(s: CrdSchema | undefined, k: string): CrdSchema | undefined {
  if (!s) return undefined;
  const p = s.properties?.[k];
  if (p) return p;
  return typeof s.additionalProperties === "object" ? s.additionalProperties : undefined;
}

function intOrStringEqual(x: unknown, y: unknown): boolean {
  if (typeof x === "number" && typeof y === "string") return Number.isInteger(x) && String(x) === y;
  if (typeof x === "string" && typeof y === "number") return Number.isInteger(y) && String(y) === x;
  return false;
}

function names(a: unknown[]): string[] | undefined {
  const out: string[] = [];
  for (const t of a) {
    const n = isObject(t) ? t.name : undefined;
    if (typeof n !== "string") return undefined;
    out.push(n);
  }
  return new Set(out).size === out.length ? out : undefined;
}

function byNameComparable(x: unknown[], y: unknown[]): boolean {
  return names(x) !== undefined && names(y) !== undefined;
}

function compareByName(
  x: unknown[],
  y: unknown[],
  path: string,
  items: CrdSchema | undefined,
  lists: Set<string>,
  ctx: Ctx,
): void {
  const ym = new Map(y.map((t) => [(t as { name: string }).name, t]));
  const xs = new Set<string>();
  for (const t of x) {
    const name = (t as { name: string }).name;
    xs.add(name);
    const p = `${path}[name=${name}]`;
    if (!ym.has(name)) ctx.diffs.push(`${ctx.doc}: ${p}: only on the left`);
    else compare(t, ym.get(name), p, items, lists, ctx);
  }
  for (const name of ym.keys())
    if (!xs.has(name)) ctx.diffs.push(`${ctx.doc}: ${path}[name=${name}]: only on the right`);
}
