/**
 * The grammar of hand-written references to another task or step (`{{tasks.x.outputs.result}}`),
 * from Argo's node-reference variables (util/variables/keys/noderef.go: id, status, startedAt,
 * finishedAt, ip, hostNodeName, exitCode, outputs.result, outputs.parameters.<p>,
 * outputs.artifacts.<a>; plus the loop aggregate `outputs.parameters`, the JSON list of every
 * iteration's output parameters).
 *
 * @internal
 */

/** The attributes of a task or step other than a named output (Argo's node-reference keys). */
export const TASK_ATTRIBUTES = [
  "id",
  "status",
  "startedAt",
  "finishedAt",
  "ip",
  "hostNodeName",
  "exitCode",
  "outputs.result",
  "outputs.parameters",
] as const;

/** An attribute of {@link TASK_ATTRIBUTES}. */
export type TaskAttribute = (typeof TASK_ATTRIBUTES)[number];

/** One hand-written reference found in a string. */
export interface TaskRef {
  /** The whole placeholder, `{{tasks.a.outputs.result}}`. */
  readonly text: string;
  /** `tasks` in a DAG, `steps` in a steps template. */
  readonly scope: "tasks" | "steps";
  /** The referenced task's name. */
  readonly task: string;
  /** A named output (`outputs.parameters.<name>` / `outputs.artifacts.<name>`), or undefined for an attribute. */
  readonly output: { readonly what: "parameters" | "artifacts"; readonly name: string } | undefined;
  /** The attribute, when the reference is not to a named output. */
  readonly attribute: TaskAttribute | undefined;
}

const TASK_REF =
  /\{\{\s*(tasks|steps)\.([A-Za-z0-9][-A-Za-z0-9]*)\.(?:outputs\.(parameters|artifacts)\.([A-Za-z0-9_-]+)|(outputs\.result|outputs\.parameters|exitCode|status|id|ip|startedAt|finishedAt|hostNodeName))\s*\}\}/g;

/** Quick test before a scan: can `text` hold a task or step reference at all? */
export function mayHoldTaskRefs(text: string): boolean {
  return text.includes("{{") && (text.includes("tasks.") || text.includes("steps."));
}

/**
 * Every hand-written task or step reference in `text`, in order.
 *
 * @example
 * ```ts
 * [...taskRefs("{{tasks.a.outputs.parameters.n}}")] // [{ scope: "tasks", task: "a", output: { what: "parameters", name: "n" }, ... }]
 * ```
 */
export function* taskRefs(text: string): Generator<TaskRef> {
  if (!mayHoldTaskRefs(text)) return;
  yield* scanTaskRefs(text);
}

/**
 * {@link taskRefs} as a list (the same empty list for a string with none): what the compiler and
 * the semantic checks call for every string they meet, without a generator per string.
 *
 * @example
 * ```ts
 * taskRefList("{{tasks.a.outputs.result}}")[0]?.task // "a"
 * taskRefList("echo hi").length                     // 0
 * ```
 */
export function taskRefList(text: string): readonly TaskRef[] {
  return mayHoldTaskRefs(text) ? scanTaskRefs(text) : NO_REFS;
}

const NO_REFS: readonly TaskRef[] = Object.freeze([]);

/**
 * The references in `text`, found with `exec` on the one module-level expression (`matchAll`
 * would copy the expression for every string: a cold build of 5000 tasks spent most of this
 * scan doing that). All matches are collected before the caller sees any, so a caller that scans
 * another string meanwhile cannot disturb `lastIndex`.
 */
function scanTaskRefs(text: string): TaskRef[] {
  const refs: TaskRef[] = [];
  TASK_REF.lastIndex = 0;
  for (let m = TASK_REF.exec(text); m; m = TASK_REF.exec(text)) {
    const what = m[3] as "parameters" | "artifacts" | undefined;
    refs.push({
      text: m[0],
      scope: m[1] as "tasks" | "steps",
      task: m[2] as string,
      output: what ? { what, name: m[4] as string } : undefined,
      attribute: what ? undefined : (m[5] as TaskAttribute),
    });
  }
  TASK_REF.lastIndex = 0;
  return refs;
}
