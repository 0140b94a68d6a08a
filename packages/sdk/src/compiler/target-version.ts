/**
 * Lowers a workflow manifest (as wfc emits it, for Argo 4.1) to an older Argo version with the
 * table of `argo-versions.ts`, and refuses what that version cannot express (`E_ARGO_VERSION`,
 * naming the feature and the first version that has it).
 */
import { ARGO_VERSIONS, type ArgoVersion, compareArgoVersions, DEFAULT_ARGO_VERSION } from "../core/argo-version.js";
import { isArgoKind, isWorkflowKind, type WorkflowKind } from "../core/kinds.js";
import { type CrdSchema, loadCrdSchema } from "../validate/crd-schemas.js";
import type { ValidationIssue } from "../validate/issues.js";
import { validateManifest } from "../validate/validate.js";
import { ARGO_VERSION_DIFFERENCES, type VersionDifference } from "./argo-versions.js";

/**
 * The stable code of a feature the target version lacks.
 *
 * @example
 * ```ts
 * for (const issue of lowerToArgoVersion(compile(wf), "3.6").issues)
 *   if (issue.code === E_ARGO_VERSION) console.error(`needs a newer Argo: ${issue.message}`);
 * ```
 */
export const E_ARGO_VERSION = "E_ARGO_VERSION";

/**
 * What {@link lowerToArgoVersion} made of a manifest.
 *
 * @example
 * ```ts
 * const { manifest, issues } = lowerToArgoVersion(m, "3.5");
 * if (issues.length) console.error(issues[0]?.message);
 * ```
 */
export interface LoweredManifest {
  /** The manifest in the target's fields (the input itself when nothing changed). */
  readonly manifest: unknown;
  /** What the target cannot express, each with code `E_ARGO_VERSION`; `[]` when none. */
  readonly issues: readonly ValidationIssue[];
  /**
   * The lowered manifest's other problems against the target's CRD schema (unknown fields of no
   * version, types, enums...); `undefined` for Argo 4.1, whose schema was not consulted.
   */
  readonly schemaIssues: readonly ValidationIssue[] | undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const parentOf = (path: string): string => path.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, "");

/** `spec.templates[3].dag.tasks[0]` -> `spec.templates[].dag.tasks[]` (map keys kept). */
const normalize = (path: string): string => path.replace(/\[\d+\]/g, "[]");

function matches(d: VersionDifference, kind: WorkflowKind, normalized: string): boolean {
  if (d.kinds && !d.kinds.includes(kind)) return false;
  return d.fields.some((f) => normalized === f || normalized.endsWith(`.${f}`) || normalized.endsWith(`]${f}`));
}

/**
 * The row of {@link ARGO_VERSION_DIFFERENCES} a manifest field is, if any.
 *
 * @example
 * ```ts
 * differenceAt("Workflow", "spec.templates[0].synchronization.mutexes")?.since; // "3.6"
 * ```
 */
export function differenceAt(kind: WorkflowKind, path: string): VersionDifference | undefined {
  const n = normalize(path);
  return ARGO_VERSION_DIFFERENCES.find((d) => matches(d, kind, n));
}

/** The schema node a manifest field path leads to, if the schema has that field. */
function schemaAt(schema: CrdSchema, path: string): CrdSchema | undefined {
  let s: CrdSchema | undefined = schema;
  for (const m of path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (!s) return undefined;
    if (s["x-kubernetes-preserve-unknown-fields"] && !s.properties && !s.items) return s;
    if (m[1] !== undefined)
      s = s.properties?.[m[1]] ?? (typeof s.additionalProperties === "object" ? s.additionalProperties : undefined);
    else
      s =
        s.type === "array" ? s.items : typeof s.additionalProperties === "object" ? s.additionalProperties : undefined;
  }
  return s;
}

/**
 * The first version whose CRD schema for `kind` has the field at `path` (read from the vendored
 * schemas), or undefined when none has it.
 *
 * @example
 * ```ts
 * firstVersionWith("Workflow", "spec.templates[0].pendingTimeout"); // "4.1"
 * ```
 */
export function firstVersionWith(kind: WorkflowKind, path: string): ArgoVersion | undefined {
  for (const v of ARGO_VERSIONS) if (schemaAt(loadCrdSchema(kind, v), path)) return v;
  return undefined;
}

function refusal(
  path: string,
  feature: string,
  since: ArgoVersion,
  target: ArgoVersion,
  why?: string,
): ValidationIssue {
  return {
    path,
    code: E_ARGO_VERSION,
    message: `${feature} needs Argo ${since}${why ? ` to express ${why}` : ""}; the target is Argo ${target}`,
  };
}

/**
 * Lowers a manifest written for Argo 4.1 (what wfc compiles) to the fields `version` accepts
 * (`schedules` -> `schedule`, `synchronization.mutexes`/`semaphores` -> `mutex`/`semaphore` for
 * 3.5, a memoize cache's configMap gets the `key` 3.x requires), then checks it against that
 * version's vendored CRD schema: every field the target's schema lacks but a newer one has is
 * refused with code `E_ARGO_VERSION`, naming the feature and the first version that has it.
 * Manifests of other kinds (and every manifest for 4.1) come back unchanged.
 *
 * @example
 * ```ts
 * const { manifest, issues } = lowerToArgoVersion(compile(nightly), "3.5");
 * // manifest.spec.schedule === "0 2 * * *"; issues: []
 * ```
 */
export function lowerToArgoVersion(
  manifest: unknown,
  version: ArgoVersion,
  /** @internal (tests) */
  table: readonly VersionDifference[] = ARGO_VERSION_DIFFERENCES,
): LoweredManifest {
  if (version === DEFAULT_ARGO_VERSION || !isObj(manifest) || !isArgoKind(manifest.kind))
    return { manifest, issues: [], schemaIssues: undefined };
  const kind = manifest.kind;
  if (!isWorkflowKind(kind))
    return { manifest, issues: [], schemaIssues: validateManifest(manifest, { argoVersion: version }) };
  const issues: ValidationIssue[] = [];
  const lowerings = table.filter((d) => d.lower && compareArgoVersions(version, d.since) < 0);
  // the last field name of each lowering: only keys among them are matched against the table
  const lastKeys = new Set(lowerings.flatMap((d) => d.fields.map((f) => f.split(/[.\]]/).pop() ?? f)));
  const lowered = lowerings.length ? structuredClone(manifest) : manifest;
  const renamed = new Map<string, string>(); // lowered path -> the input's path
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) walk(node[i], `${path}[${i}]`);
      return;
    }
    if (!isObj(node)) return;
    for (const key of Object.keys(node)) {
      const p = path === "" ? key : `${path}.${key}`;
      const d = lastKeys.has(key) ? lowerings.find((x) => matches(x, kind, normalize(p))) : undefined;
      const before = node[key];
      const why = d?.lower?.(node, key);
      if (d && why !== undefined) issues.push(refusal(p, d.feature, d.since, version, why));
      if (key in node) walk(node[key], p);
      else if (Array.isArray(before)) {
        // renamed to a singular field holding the list's one item: problems found in it are
        // reported at the item, where the input has them
        const single = Object.keys(node).find((k) => node[k] === before[0]);
        if (single) renamed.set(path === "" ? single : `${path}.${single}`, `${p}[0]`);
      }
    }
  };
  if (lowerings.length) walk(lowered.spec, "spec");
  const schemaIssues: ValidationIssue[] = [];
  const inputPath = (path: string): string => {
    for (const [to, from] of renamed)
      if (path === to || path.startsWith(`${to}.`) || path.startsWith(`${to}[`)) return from + path.slice(to.length);
    return path;
  };
  for (const found of validateManifest(lowered, { argoVersion: version })) {
    const i = { ...found, path: inputPath(found.path) };
    if (issues.some((x) => x.path === i.path)) continue; // refused above
    // the singular field a refused lowering did not write (`spec.schedule`): a consequence, not another problem
    if (i.message === "required field missing" && issues.some((x) => parentOf(x.path) === parentOf(i.path))) continue;
    if (i.message === "unknown field") {
      const n = normalize(i.path);
      const d = table.find((x) => matches(x, kind, n));
      const since = d?.since ?? firstVersionWith(kind, i.path);
      if (since && compareArgoVersions(since, version) > 0) {
        issues.push(refusal(i.path, d?.feature ?? `field ${normalize(i.path)}`, since, version));
        continue;
      }
    }
    schemaIssues.push(i);
  }
  // (after a refusal, what follows from it, like a missing `schedule`, is not another one)
  if (!schemaIssues.length || issues.length) return { manifest: lowered, issues, schemaIssues };
  // What the target's schema rejects but 4.1's accepts (an enum older Kubernetes types had, a field
  // it required...) is a version difference too: refused with the first version that accepts it.
  const inLatest = new Set(validateManifest(manifest).map((i) => `${i.path}\0${i.message}`));
  const rest: ValidationIssue[] = [];
  for (const i of schemaIssues) {
    if (inLatest.has(`${i.path}\0${i.message}`)) rest.push(i);
    else {
      const since = firstAccepting(manifest, i.path, version, table);
      issues.push({
        path: i.path,
        code: E_ARGO_VERSION,
        message: `Argo ${version}'s schema: ${i.message} (Argo ${since} accepts this ${normalize(i.path).split(".").pop()})`,
      });
    }
  }
  return { manifest: lowered, issues, schemaIssues: rest };
}

/** The first version after `after` whose schema has no problem at `path` in the manifest lowered for it. */
function firstAccepting(
  manifest: unknown,
  path: string,
  after: ArgoVersion,
  table: readonly VersionDifference[],
): ArgoVersion {
  for (const v of ARGO_VERSIONS) {
    if (compareArgoVersions(v, after) <= 0) continue;
    if (v === DEFAULT_ARGO_VERSION) return v;
    const r = lowerToArgoVersion(manifest, v, table);
    if (![...r.issues, ...(r.schemaIssues ?? [])].some((i) => i.path === path)) return v;
  }
  return DEFAULT_ARGO_VERSION;
}

const TEMPLATE_PATH =
  /^spec\.(?:workflowSpec\.)?templates\[(\d+)\](?:\.dag\.tasks\[(\d+)\]|\.steps\[(\d+)\]\[(\d+)\])?/;

/**
 * The template and task (or step) of a manifest a field path is in, by name.
 *
 * @example
 * ```ts
 * placeOf(manifest, "spec.templates[1].dag.tasks[0].hooks"); // { template: "main", task: "a" }
 * ```
 */
export function placeOf(manifest: unknown, path: string): { template?: string; task?: string } {
  const m = TEMPLATE_PATH.exec(path);
  if (!m || !isObj(manifest) || !isObj(manifest.spec)) return {};
  const spec = isObj(manifest.spec.workflowSpec) ? manifest.spec.workflowSpec : manifest.spec;
  const t = Array.isArray(spec.templates) ? spec.templates[Number(m[1])] : undefined;
  if (!isObj(t)) return {};
  const dagTasks = isObj(t.dag) && Array.isArray(t.dag.tasks) ? t.dag.tasks : [];
  const group = Array.isArray(t.steps) && m[3] !== undefined ? t.steps[Number(m[3])] : undefined;
  const task = m[2] !== undefined ? dagTasks[Number(m[2])] : Array.isArray(group) ? group[Number(m[4])] : undefined;
  return {
    ...(typeof t.name === "string" ? { template: t.name } : {}),
    ...(isObj(task) && typeof task.name === "string" ? { task: task.name } : {}),
  };
}
