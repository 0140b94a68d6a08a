/**
 * What the import changes in a manifest before generating code, each change said in one note:
 * fields the API server sets on a live object (`kubectl get -o yaml`), the pre-v4 forms Argo v4
 * still converts (`argo convert`), and the empty `inputs: {}` / `outputs: {}` / `arguments: {}`
 * Argo writes on every template of a live object (the same to Argo as no field).
 */
import { setOwn } from "@wfc/sdk/internal";
import { isObj, type Obj } from "./values.js";

/**
 * Options of {@link normalizeDocument}.
 *
 * @example
 * ```ts
 * const options: NormalizeOptions = { keepServerFields: false };
 * ```
 */
export interface NormalizeOptions {
  /**
   * Keep the fields the API server sets (`metadata.uid`, `resourceVersion`, `managedFields`, ...;
   * `status` is dropped all the same: wfc does not author it).
   * @default false
   */
  readonly keepServerFields?: boolean;
}

/** `metadata` fields only the API server (or a controller) writes. */
export const SERVER_METADATA = [
  "uid",
  "resourceVersion",
  "creationTimestamp",
  "generation",
  "managedFields",
  "selfLink",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
] as const;
/** Annotations and labels written by kubectl, the Argo server or the controller, not by the author. */
const SERVER_ANNOTATIONS = [
  "kubectl.kubernetes.io/last-applied-configuration",
  "workflows.argoproj.io/pod-name-format",
];
const SERVER_LABELS = [
  "workflows.argoproj.io/phase",
  "workflows.argoproj.io/completed",
  "workflows.argoproj.io/workflow-archiving-status",
];

/**
 * Normalises one parsed document in place and returns what was changed, one short phrase per
 * kind of change (empty when nothing was). Runs before validation: a pre-v4 form is invalid for
 * the v4 schema until it is converted.
 *
 * @example
 * ```ts
 * const doc = { kind: "CronWorkflow", metadata: { name: "c", uid: "1" }, spec: { schedule: "* * * * *" } };
 * normalizeDocument(doc); // ["dropped server-set fields (metadata.uid)", "converted pre-v4 forms (spec.schedule)"]
 * ```
 */
export function normalizeDocument(doc: Obj, options: NormalizeOptions = {}): string[] {
  const notes: string[] = [];
  const dropped: string[] = [];
  if (doc.status !== undefined) {
    delete doc.status;
    dropped.push("status");
  }
  const meta = isObj(doc.metadata) ? doc.metadata : undefined;
  if (meta && !options.keepServerFields) {
    for (const k of SERVER_METADATA)
      if (k in meta) {
        delete meta[k];
        dropped.push(`metadata.${k}`);
      }
    // A live Workflow's name was made by the API server from its generateName.
    if (
      typeof meta.generateName === "string" &&
      typeof meta.name === "string" &&
      meta.name.startsWith(meta.generateName) &&
      meta.name.length > meta.generateName.length
    ) {
      delete meta.name;
      dropped.push("metadata.name (generated from generateName)");
    }
    for (const [field, keys] of [
      ["annotations", SERVER_ANNOTATIONS],
      ["labels", SERVER_LABELS],
    ] as const) {
      const m = meta[field];
      if (!isObj(m)) continue;
      for (const k of keys)
        if (k in m) {
          delete m[k];
          dropped.push(`metadata.${field}["${k}"]`);
        }
      if (!Object.keys(m).length) delete meta[field];
    }
  }
  if (dropped.length) notes.push(`dropped server-set fields (${dropped.join(", ")})`);
  if (!["Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow"].includes(String(doc.kind)))
    return notes;
  const legacy = convertLegacy(doc);
  if (legacy.length) notes.push(`converted pre-v4 forms to v4, as \`argo convert\` does (${legacy.join(", ")})`);
  const empty = dropEmptyIo(doc);
  if (empty)
    notes.push(`dropped ${empty} empty \`inputs: {}\` / \`outputs: {}\` / \`arguments: {}\` (the same to Argo)`);
  return notes;
}

/** The workflow spec of a document (a CronWorkflow's `workflowSpec`). */
function workflowSpec(doc: Obj): Obj | undefined {
  const spec = isObj(doc.spec) ? doc.spec : undefined;
  if (doc.kind === "CronWorkflow") return spec && isObj(spec.workflowSpec) ? spec.workflowSpec : undefined;
  return spec;
}

/**
 * Argo's `workflow/convert` (v4): a CronWorkflow's `schedule` becomes `schedules: [schedule]`
 * (it wins over `schedules`); `synchronization.semaphore` / `mutex` (workflow and template level)
 * are appended to `semaphores` / `mutexes`.
 */
function convertLegacy(doc: Obj): string[] {
  const done: string[] = [];
  const spec = isObj(doc.spec) ? doc.spec : undefined;
  if (doc.kind === "CronWorkflow" && spec && spec.schedule !== undefined) {
    const { schedule, ...rest } = spec;
    if (typeof schedule === "string" && schedule !== "") {
      // Keep the field order, `schedules` where `schedule` was.
      const out: Obj = {};
      for (const [k, v] of Object.entries(spec)) {
        if (k === "schedule") out.schedules = [schedule];
        else if (k !== "schedules") setOwn(out, k, v);
      }
      for (const k of Object.keys(spec)) delete spec[k];
      for (const [k, v] of Object.entries(out)) setOwn(spec, k, v);
    } else {
      for (const k of Object.keys(spec)) delete spec[k];
      Object.assign(spec, rest);
    }
    done.push("spec.schedule");
  }
  const ws = workflowSpec(doc);
  if (!ws) return done;
  const prefix = doc.kind === "CronWorkflow" ? "spec.workflowSpec." : "spec.";
  if (convertSync(ws.synchronization)) done.push(`${prefix}synchronization`);
  if (Array.isArray(ws.templates))
    ws.templates.forEach((t: unknown, i) => {
      if (isObj(t) && convertSync(t.synchronization)) done.push(`${prefix}templates[${i}].synchronization`);
    });
  return done;
}

function convertSync(s: unknown): boolean {
  if (!isObj(s) || (s.semaphore === undefined && s.mutex === undefined)) return false;
  const { semaphore, mutex, semaphores, mutexes, ...rest } = s;
  const sems = [...(Array.isArray(semaphores) ? semaphores : []), ...(semaphore != null ? [semaphore] : [])];
  const muts = [...(Array.isArray(mutexes) ? mutexes : []), ...(mutex != null ? [mutex] : [])];
  for (const k of Object.keys(s)) delete s[k];
  if (sems.length) s.semaphores = sems;
  if (muts.length) s.mutexes = muts;
  Object.assign(s, rest);
  return true;
}

const isEmpty = (v: unknown): boolean => isObj(v) && !Object.keys(v).length;

/** Removes empty `inputs`, `outputs` (templates) and `arguments` (tasks, the workflow); returns how many. */
function dropEmptyIo(doc: Obj): number {
  const ws = workflowSpec(doc);
  if (!ws) return 0;
  let n = 0;
  const drop = (o: Obj, k: string) => {
    if (isEmpty(o[k])) {
      delete o[k];
      n++;
    }
  };
  drop(ws, "arguments");
  const tasksOf = (t: Obj): Obj[] => {
    const out: Obj[] = [];
    if (isObj(t.dag) && Array.isArray(t.dag.tasks)) out.push(...t.dag.tasks.filter(isObj));
    if (Array.isArray(t.steps)) for (const g of t.steps) if (Array.isArray(g)) out.push(...g.filter(isObj));
    return out;
  };
  const template = (t: Obj) => {
    drop(t, "inputs");
    drop(t, "outputs");
    for (const task of tasksOf(t)) {
      drop(task, "arguments");
      if (isObj(task.inline)) template(task.inline);
      if (isObj(task.hooks)) for (const h of Object.values(task.hooks)) if (isObj(h)) drop(h, "arguments");
    }
  };
  if (Array.isArray(ws.templates)) for (const t of ws.templates) if (isObj(t)) template(t);
  if (isObj(ws.templateDefaults)) template(ws.templateDefaults);
  if (isObj(ws.hooks)) for (const h of Object.values(ws.hooks)) if (isObj(h)) drop(h, "arguments");
  return n;
}
