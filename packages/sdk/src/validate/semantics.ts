import { DependencyGraph } from "../core/dependencies.js";
import { type DependsNode, dependsTasks, parseDepends } from "../core/depends.js";
import { WfcError } from "../core/errors.js";
import { isWorkflowKind } from "../core/kinds.js";
import { mayHoldTaskRefs, taskRefList } from "../core/task-refs.js";
import type { ValidationIssue } from "./issues.js";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks of a workflow manifest (hand-written, imported or compiled) that the CRD schema cannot
 * express, as Argo's validator makes them (workflow/validate/validate.go): the entrypoint, onExit
 * and every called template exist; hand-written references (`{{tasks.x.outputs.result}}`) name a
 * task or step of their own template and an output its template declares; in a DAG, `depends`
 * parses, `depends`/`dependencies` name tasks of the same DAG, the two are not mixed in one DAG,
 * and there is no dependency cycle; names are present, well-formed, unique and within Argo's
 * length limits (63 characters for a Workflow, 52 for a CronWorkflow, 128 for a template, task
 * or step); every input parameter without a value or default is supplied by each caller
 * ("inputs.parameters.x was not supplied"), the entrypoint's by the workflow's arguments. `wfc lint`,
 * the compiler (on what it emits) and the importer run these same checks. Returns `[]` when fine;
 * kinds other than the workflow kinds have none.
 *
 * @example
 * ```ts
 * semanticIssues({ apiVersion: "argoproj.io/v1alpha1", kind: "Workflow", metadata: { name: "w" }, spec: { entrypoint: "main", templates: [] } });
 * // [{ path: "spec.entrypoint", message: 'template "main" does not exist' }]
 * ```
 */
export function semanticIssues(manifest: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isObj(manifest) || !isWorkflowKind(manifest.kind)) return issues;
  const cron = manifest.kind === "CronWorkflow";
  const base = cron ? "spec.workflowSpec" : "spec";
  const spec = cron ? (isObj(manifest.spec) ? manifest.spec.workflowSpec : undefined) : manifest.spec;
  if (!isObj(spec)) return issues;
  nameIssues(manifest, base, spec, issues);
  const all: unknown[] = Array.isArray(spec.templates) ? spec.templates : [];
  // Templates by name (the last one of a repeated name).
  const byName = new Map<string, Obj>();
  for (let i = 0; i < all.length; i++) {
    const t = all[i];
    if (isObj(t)) byName.set(String(t.name), t);
  }
  if (typeof spec.entrypoint === "string" && !spec.workflowTemplateRef && !byName.has(spec.entrypoint)) {
    issues.push({
      code: "E_NO_ENTRYPOINT",
      path: `${base}.entrypoint`,
      message: `template "${spec.entrypoint}" does not exist`,
    });
  }
  // Argo validates a Workflow's entrypoint with the workflow's arguments (templates of a
  // WorkflowTemplate get theirs when submitted).
  if (manifest.kind !== "WorkflowTemplate" && manifest.kind !== "ClusterWorkflowTemplate" && !spec.workflowTemplateRef)
    issues.push(
      ...unsuppliedInputs(
        { template: spec.entrypoint, arguments: spec.arguments },
        `${base}.arguments`,
        undefined,
        byName,
        "the workflow's arguments",
      ),
    );
  if (typeof spec.onExit === "string" && !byName.has(spec.onExit))
    issues.push({ code: "E_NO_TEMPLATE", path: `${base}.onExit`, message: `template "${spec.onExit}" does not exist` });
  // Paths count the templates that are objects (the index among them).
  let i = -1;
  for (let n = 0; n < all.length; n++) {
    const t = all[n];
    if (!isObj(t)) continue;
    i++;
    const path = `${base}.templates[${i}]`;
    const calls = callsOf(t);
    for (let k = 0; k < calls.length; k++) {
      const c = calls[k]!;
      const call = c.call;
      if (typeof call.template === "string" && !call.templateRef && !call.inline && !byName.has(call.template)) {
        issues.push({
          code: "E_NO_TEMPLATE",
          path: `${callPath(path, c)}.template`,
          message: `template "${call.template}" does not exist`,
        });
      }
    }
    taskRefIssues(t, path, calls, byName, issues);
    for (let k = 0; k < calls.length; k++) {
      const c = calls[k]!;
      const found = unsuppliedInputs(c.call, path, c, byName);
      if (found.length) issues.push(...found);
    }
    if (isObj(t.dag)) dagIssues(t.dag, `${path}.dag`, issues);
  }
  return issues;
}

/** One task or step call of a template and where it is (`steps[j][k]`, or `dag.tasks[j]` when `k` is undefined). */
interface Call {
  readonly call: Obj;
  readonly j: number;
  readonly k: number | undefined;
}

/** The task or step calls of a template (their paths are made by {@link callPath} when an issue needs one). */
function callsOf(t: Obj): Call[] {
  const calls: Call[] = [];
  if (isObj(t.dag) && Array.isArray(t.dag.tasks)) {
    const tasks = t.dag.tasks;
    for (let j = 0; j < tasks.length; j++) {
      const task: unknown = tasks[j];
      if (isObj(task)) calls.push({ call: task, j, k: undefined });
    }
  }
  if (Array.isArray(t.steps)) {
    const steps = t.steps;
    for (let j = 0; j < steps.length; j++) {
      const g: unknown = steps[j];
      if (!Array.isArray(g)) continue;
      for (let k = 0; k < g.length; k++) {
        const s: unknown = g[k];
        if (isObj(s)) calls.push({ call: s, j, k });
      }
    }
  }
  return calls;
}

/** The path of a call found by {@link callsOf} in the template at `path`. */
function callPath(path: string, c: Call): string {
  return c.k === undefined ? `${path}.dag.tasks[${c.j}]` : `${path}.steps[${c.j}][${c.k}]`;
}

/**
 * Hand-written task references in a template: `tasks.x` only in a DAG and `steps.x` only in a
 * steps template, naming one of its tasks; a named output must be declared by the called local
 * template (templates of other WorkflowTemplates are not known here).
 */
function taskRefIssues(
  t: Obj,
  path: string,
  callList: readonly Call[],
  templates: ReadonlyMap<string, Obj>,
  issues: ValidationIssue[],
): void {
  const expected = isObj(t.dag) ? "tasks" : Array.isArray(t.steps) ? "steps" : undefined;
  let calls: Map<string, Obj> | undefined;
  let seen: Set<string> | undefined;
  const texts: string[] = [];
  refTexts(t, texts);
  for (let i = 0; i < texts.length; i++) {
    calls ??= new Map(callList.map((c) => [String(c.call.name), c.call]));
    const refs = taskRefList(texts[i]!);
    for (let j = 0; j < refs.length; j++) {
      const r = refs[j]!;
      seen ??= new Set<string>();
      if (seen.has(r.text)) continue;
      seen.add(r.text);
      const call = calls.get(r.task);
      if (!call || r.scope !== expected) {
        issues.push({
          code: "E_UNKNOWN_TASK",
          path,
          message: `"${r.text}" refers to ${r.scope} "${r.task}", which is not in template "${String(t.name)}"`,
        });
        continue;
      }
      const out = r.output;
      const called = isObj(call.inline)
        ? call.inline
        : typeof call.template === "string" && !call.templateRef
          ? templates.get(call.template)
          : undefined;
      if (!out || !called) continue;
      const outputs =
        isObj(called.outputs) && Array.isArray(called.outputs[out.what])
          ? (called.outputs[out.what] as unknown[]).filter(isObj)
          : [];
      if (!outputs.some((o) => o.name === out.name)) {
        const declared = outputs.map((o) => String(o.name)).join(", ") || "none";
        issues.push({
          code: "E_UNKNOWN_OUTPUT",
          path,
          message: `"${r.text}": template "${String(called.name ?? call.name)}" declares no output ${out.what === "parameters" ? "parameter" : "artifact"} "${out.name}" (declared: ${declared})`,
        });
      }
    }
  }
}

/** Appends to `out` every string in `v` that may hold a task reference ({@link mayHoldTaskRefs}), in order. */
function refTexts(v: object, out: string[]): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === "string") {
        if (mayHoldTaskRefs(x)) out.push(x);
      } else if (typeof x === "object" && x !== null) refTexts(x, out);
    }
    return;
  }
  for (const k in v) {
    const x: unknown = (v as Obj)[k];
    if (typeof x === "string") {
      if (mayHoldTaskRefs(x)) out.push(x);
    } else if (typeof x === "object" && x !== null) refTexts(x, out);
  }
}

/** A `depends` that is task names joined by `&&` (no statuses, `!`, `||` or parentheses): parseDepends' grammar, its simplest case. */
const PLAIN_CONJUNCTION = /^\s*[a-zA-Z0-9][-a-zA-Z0-9]*(?:\s*&&\s*[a-zA-Z0-9][-a-zA-Z0-9]*)*\s*$/;

function dagIssues(dag: Obj, path: string, issues: ValidationIssue[]): void {
  const tasks: Obj[] = [];
  if (Array.isArray(dag.tasks))
    for (let i = 0; i < dag.tasks.length; i++) {
      const x: unknown = dag.tasks[i];
      if (isObj(x)) tasks.push(x);
    }
  const byName = new Set<string>();
  for (let i = 0; i < tasks.length; i++) byName.add(String(tasks[i]!.name));
  const graph = new DependencyGraph<string>((n) => n);
  let usesDepends = false;
  let usesDependencies = false;
  for (let j = 0; j < tasks.length; j++) {
    const task = tasks[j]!;
    const name = String(task.name);
    const deps: string[] = [];
    if (Array.isArray(task.dependencies)) {
      usesDependencies = true;
      for (let i = 0; i < task.dependencies.length; i++) deps.push(String(task.dependencies[i]));
    }
    if (typeof task.depends === "string") {
      usesDepends = true;
      if (PLAIN_CONJUNCTION.test(task.depends)) {
        // `a && b && c` (what the compiler writes): its tasks without building the expression.
        const parts = task.depends.split("&&");
        for (let i = 0; i < parts.length; i++) deps.push(parts[i]!.trim());
      } else {
        let node: DependsNode | undefined;
        try {
          node = parseDepends(task.depends);
        } catch (e) {
          if (!(e instanceof WfcError)) throw e;
          issues.push({ code: e.code, path: `${path}.tasks[${j}].depends`, message: e.message });
        }
        if (node) deps.push(...dependsTasks(node));
      }
    }
    const known: string[] = [];
    for (let i = 0; i < deps.length; i++) {
      const d = deps[i]!;
      if (!byName.has(d))
        issues.push({
          code: "E_UNKNOWN_TASK",
          path: `${path}.tasks[${j}]`,
          message: `depends on "${d}", which is not a task of this DAG`,
        });
      else if (!known.includes(d)) known.push(d);
    }
    graph.place(name, j);
    graph.set(name, known);
  }
  if (usesDepends && usesDependencies)
    issues.push({
      code: "E_MIXED_DEPENDENCIES",
      path,
      message: "cannot use both 'depends' and 'dependencies' in the same DAG template",
    });
  const cycle = graph.findCycle(byName);
  if (cycle) issues.push({ code: "E_CYCLE", path, message: `dependency cycle: ${cycle.join(" -> ")}` });
}

/** The longest object names Argo accepts (validate.go: label values, and 52 for a CronWorkflow, whose runs append 11 characters). */
const MAX_NAME: Readonly<Record<string, number>> = {
  Workflow: 63,
  WorkflowTemplate: 63,
  ClusterWorkflowTemplate: 63,
  CronWorkflow: 52,
};
const FIELD_NAME = /^[a-zA-Z0-9][-a-zA-Z0-9]*$/;
const FIELD_NAME_MAX = 128;
const PARAM_NAME = /^[-a-zA-Z0-9_]+$/;
/** Argo resolves `{{...}}` in step and task names at run time: their literal parts are checked. */
const PLACEHOLDER = /\{\{[^}]*\}\}/g;

/** Name checks (validate.go: the object name's length, `validateWorkflowFieldNames`). */
function nameIssues(manifest: Obj, base: string, spec: Obj, issues: ValidationIssue[]): void {
  const meta = isObj(manifest.metadata) ? manifest.metadata : {};
  const max = MAX_NAME[String(manifest.kind)];
  if (max && typeof meta.name === "string" && meta.name.length > max)
    issues.push({
      code: "E_NAME_TOO_LONG",
      path: "metadata.name",
      message: `${String(manifest.kind)} name "${meta.name}" must not be more than ${max} characters long (currently ${meta.name.length})`,
    });
  const templates = Array.isArray(spec.templates) ? spec.templates : [];
  fieldNames(templates, `${base}.templates`, "template", undefined, issues);
  for (let i = 0; i < templates.length; i++) {
    const t: unknown = templates[i];
    if (!isObj(t)) continue;
    const path = `${base}.templates[${i}]`;
    if (isObj(t.dag) && Array.isArray(t.dag.tasks))
      fieldNames(t.dag.tasks, `${path}.dag.tasks`, "task", undefined, issues);
    if (Array.isArray(t.steps))
      for (let j = 0; j < t.steps.length; j++) {
        const g: unknown = t.steps[j];
        if (Array.isArray(g)) fieldNames(g, `${path}.steps[${j}]`, "step", undefined, issues);
      }
    for (let k = 0; k < IO.length; k++) {
      const io = IO[k]!;
      const decl = t[io];
      if (!isObj(decl)) continue;
      for (let w = 0; w < IO_KINDS.length; w++) {
        const what = IO_KINDS[w]!;
        const list = decl[what];
        if (Array.isArray(list)) fieldNames(list, `${path}.${io}.${what}`, what, PARAM_NAME, issues);
      }
    }
  }
}

const IO = ["inputs", "outputs"] as const;
const IO_KINDS = ["parameters", "artifacts"] as const;

/** The literal parts of a name (its `{{...}}` placeholders replaced by `x`). */
function literalOf(name: string): string {
  return name.includes("{{") ? name.replace(PLACEHOLDER, "x") : name;
}

/** Each item of a list has a name, well-formed and unique in the list. */
function fieldNames(
  list: unknown[],
  path: string,
  what: string,
  pattern: RegExp | undefined,
  issues: ValidationIssue[],
): void {
  // A list of one cannot repeat a name (most are: one input, one output).
  const seen = list.length > 1 ? new Set<string>() : undefined;
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (!isObj(item)) continue;
    const name = item.name;
    if (typeof name !== "string" || name === "") {
      issues.push({ code: "E_NO_NAME", path: `${path}[${i}].name`, message: `${what} name is required` });
      continue;
    }
    let problems: string[] | undefined;
    if (pattern) {
      // Argo validates a template after substituting its inputs with placeholders (ProcessArgs), so
      // an output artifact named `result-{{inputs.parameters.variable}}` is valid.
      if (!pattern.test(literalOf(name)))
        problems = [
          "Parameter/Artifact name must consist of alpha-numeric characters, '_' or '-' e.g. my_param_1, MY-PARAM-1",
        ];
    } else {
      const literal = literalOf(name);
      if (literal.length > FIELD_NAME_MAX) (problems ??= []).push(`must be no more than ${FIELD_NAME_MAX} characters`);
      if (!FIELD_NAME.test(literal))
        (problems ??= []).push(
          "name must consist of alpha-numeric characters or '-', and must start with an alpha-numeric character (e.g. My-name1-2, 123-NAME)",
        );
    }
    if (problems)
      issues.push({
        code: "E_BAD_NAME",
        path: `${path}[${i}].name`,
        message: `${what} name '${name}' is invalid: ${problems.join("; ")}`,
      });
    else if (seen?.has(name))
      issues.push({
        code: "E_DUPLICATE_NAME",
        path: `${path}[${i}].name`,
        message: `${what} name '${name}' is not unique`,
      });
    seen?.add(name);
  }
}

/**
 * Input parameters of a called local template that have no value, default or valueFrom and that
 * the call does not pass: Argo rejects the workflow with "inputs.parameters.x was not supplied".
 * The issues' path is `path`, or the path of call `at` in the template at `path` (made only when
 * there is an issue).
 */
function unsuppliedInputs(
  call: Obj,
  path: string,
  at: Call | undefined,
  templates: ReadonlyMap<string, Obj>,
  by?: string,
): ValidationIssue[] {
  if (typeof call.template !== "string" || call.templateRef || call.inline) return NO_ISSUES;
  const called = templates.get(call.template);
  if (!called || !isObj(called.inputs) || !Array.isArray(called.inputs.parameters)) return NO_ISSUES;
  const args = isObj(call.arguments) && Array.isArray(call.arguments.parameters) ? call.arguments.parameters : [];
  let issues: ValidationIssue[] | undefined;
  const params: unknown[] = called.inputs.parameters;
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (!isObj(p) || p.value !== undefined || p.default !== undefined || p.valueFrom !== undefined) continue;
    if (passes(args, String(p.name))) continue;
    (issues ??= []).push({
      code: "E_MISSING_INPUT",
      path: at ? callPath(path, at) : path,
      message: `inputs.parameters.${String(p.name)} was not supplied: template "${call.template}" requires it and ${by ?? `the call "${String(call.name)}"`} does not pass it`,
    });
  }
  return issues ?? NO_ISSUES;
}

/** Whether a call's argument list has a parameter named `name` (calls pass few: a scan). */
function passes(args: unknown[], name: string): boolean {
  for (let i = 0; i < args.length; i++) {
    const a: unknown = args[i];
    if (isObj(a) && String(a.name) === name) return true;
  }
  return false;
}

/** The shared empty answer of {@link unsuppliedInputs} (never pushed to: callers spread it). */
const NO_ISSUES: ValidationIssue[] = [];
