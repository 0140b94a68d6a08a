/** What calling a template does: check the arguments, record a task, return its handle. */
import type { ZodType } from "zod";
import type { Diagnostic, SourceLocation } from "../core/errors.js";
import type { ScopeModel, TaskModel, TemplateModel } from "../core/model.js";
import { acceptsUndefined } from "../core/optional-schema.js";
import { isRef } from "../core/ref.js";
import { requireFrame } from "./context.js";
import type { Decls } from "./decl.js";
import { type DependsLike, toNode } from "./depends.js";
import { type Expr, isExpr } from "./expr.js";
import { deepLower, lowerValue } from "./lower.js";
import { TaskHandle } from "./task-handle.js";
import type { Condition, Task, TaskOptions } from "./types.js";

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});
const ARTIFACT_SOURCES = [
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
] as const;

/** A declared input parameter by name (templates declare few inputs: a scan beats building an index). */
function findParam(model: TemplateModel, name: string): TemplateModel["inputs"]["parameters"][number] | undefined {
  const ps = model.inputs.parameters;
  for (let i = 0; i < ps.length; i++) if (ps[i]!.name === name) return ps[i];
  return undefined;
}

/** A declared input artifact by the key it is declared under (its Argo name may differ: `artifact({ name })`). */
function findArtifact(model: TemplateModel, key: string): TemplateModel["inputs"]["artifacts"][number] | undefined {
  const as = model.inputs.artifacts;
  for (let i = 0; i < as.length; i++) if ((as[i]!.key ?? as[i]!.name) === key) return as[i];
  return undefined;
}

/**
 * The next suffix to try per scope and base name. Names in a scope are only ever added, so every
 * suffix below the remembered one is still taken: starting there finds the same first free
 * `name-N` as counting from 2, in constant time per call instead of a scan over all earlier calls.
 */
const nextSuffix = new WeakMap<ScopeModel, Map<string, number>>();

/** The first free `base-N` (N >= 2) in `scope`. */
function freeName(scope: ScopeModel, base: string): string {
  let bases = nextSuffix.get(scope);
  if (!bases) nextSuffix.set(scope, (bases = new Map()));
  let i = bases.get(base) ?? 2;
  while (scope.names.has(`${base}-${i}`)) i++;
  bases.set(base, i + 1);
  return `${base}-${i}`;
}

/** Records a problem of a call (a plain function: a closure per call would be garbage for every task). */
function report(
  problems: Diagnostic[],
  location: SourceLocation | undefined,
  code: string,
  message: string,
  task: string,
): void {
  problems.push({ code, message, task, location });
}

const NO_AFTER: readonly DependsLike[] = Object.freeze([]);

/** True when `value`, an array or plain object, holds a reference somewhere inside. */
function holdsRef(value: unknown, depth = 0): boolean {
  if (typeof value !== "object" || value === null || depth > 64) return false;
  if (isRef(value)) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (holdsRef(value[i], depth + 1)) return true;
    return false;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k in value) if (holdsRef((value as Record<string, unknown>)[k], depth + 1)) return true;
  return false;
}

/**
 * One call of a template in a body: checks the arguments against the declared inputs, records
 * the task in the current body and returns its handle.
 */
export function callTemplate(
  model: TemplateModel,
  args: Record<string, unknown>,
  options: TaskOptions<Decls, unknown>,
  location: SourceLocation | undefined,
): Task<Decls, unknown> {
  const frame = requireFrame(model.name, location);
  const scope = frame.scope;
  const problems: Diagnostic[] = frame.problems;

  let name = options.name ?? model.name;
  const named = options.name !== undefined;
  if (scope.names.has(name)) {
    if (named) report(problems, location, "E_DUPLICATE_TASK", `task name "${name}" is already used in this body`, name);
    else name = freeName(scope, name);
  }

  const parameters: [string, unknown][] = [];
  const artifacts: [string, unknown][] = [];
  for (const key in args) {
    const value = args[key];
    if (value === undefined) {
      // Argo has no "undefined": the task would silently pass nothing for this input.
      report(
        problems,
        location,
        "E_UNDEFINED_ARGUMENT",
        `input "${key}" of template "${model.name}" is given undefined: pass a value, or leave the key out (an input with a default then takes it)`,
        name,
      );
      continue;
    }
    const p = findParam(model, key);
    if (p && !isRef(value) && holdsRef(value)) {
      // `lines: [r.result]`: the reference would be written as text inside the JSON of the whole
      // value, which is right for no output type but a string without quotes.
      report(
        problems,
        location,
        "E_REF_IN_VALUE",
        `input "${key}" of template "${model.name}": a task output or input reference inside an array or object is not supported (Argo passes a parameter as one string): pass the reference itself (${key}: ref) with the input's type, or build the value in a task that returns it`,
        name,
      );
      continue;
    }
    if (p) {
      if (!isRef(value) && p.schema) {
        const r = (p.schema as ZodType).safeParse(value);
        if (!r.success) {
          const why = r.error.issues.map((i) => i.message).join("; ");
          report(
            problems,
            location,
            "E_INVALID_ARGUMENT",
            `input "${key}" of template "${model.name}": ${JSON.stringify(value)} fails its schema: ${why}`,
            name,
          );
        }
      }
      // A reference is kept as is: the compiler resolves it directly (no placeholder text to scan).
      parameters.push([key, isRef(value) ? value : lowerValue(value)]);
    } else if (findArtifact(model, key)) {
      artifacts.push([findArtifact(model, key)!.name, isRef(value) ? value : deepLower(value)]);
    } else {
      const known = [...model.inputs.parameters, ...model.inputs.artifacts].map((d) => d.name).join(", ") || "none";
      report(
        problems,
        location,
        "E_UNKNOWN_INPUT",
        `template "${model.name}" has no input "${key}" (declared: ${known})`,
        name,
      );
    }
  }
  const declared = model.inputs.parameters;
  for (let i = 0; i < declared.length; i++) {
    const p = declared[i]!;
    if (p.name in args) continue;
    const optional = p.fields.default !== undefined || p.fields.value !== undefined || acceptsUndefined(p.schema);
    if (!optional)
      report(problems, location, "E_MISSING_INPUT", `input "${p.name}" of template "${model.name}" is required`, name);
  }
  const declaredArtifacts = model.inputs.artifacts;
  for (let i = 0; i < declaredArtifacts.length; i++) {
    const a = declaredArtifacts[i]!;
    if ((a.key ?? a.name) in args) continue;
    const f = a.fields;
    const hasSource = ARTIFACT_SOURCES.some((k) => f[k] !== undefined);
    if (!hasSource)
      report(
        problems,
        location,
        "E_MISSING_INPUT",
        `input artifact "${a.name}" of template "${model.name}" is required`,
        name,
      );
  }

  const after =
    options.after === undefined
      ? NO_AFTER
      : Array.isArray(options.after)
        ? options.after
        : [options.after as DependsLike];
  const afterTasks: TaskModel[] = [...frame.implicitAfter];
  for (let i = 0; i < after.length; i++) {
    const node = toNode(after[i] as DependsLike);
    if (node.kind === "task" && node.status === undefined) afterTasks.push(node.task);
    else
      report(
        problems,
        location,
        "E_BAD_AFTER",
        "`after` takes tasks; use `depends` for expressions like a.failed",
        name,
      );
  }

  const w = options.when as Condition | Expr | string | undefined;
  const whenValue = w === undefined ? undefined : typeof w === "string" ? w : isExpr(w) ? String(w) : w.text;
  const extraOf = typeof options.extra === "function" ? options.extra : undefined;
  const task: TaskModel = {
    name,
    named,
    template: model,
    scope,
    parameters,
    artifacts,
    after: afterTasks,
    depends: options.depends ? toNode(options.depends) : undefined,
    when: whenValue,
    loop: frame.loop?.spec,
    loopOwner: frame.loop?.owner,
    fields: options.extra && !extraOf ? Object.freeze(deepLower(options.extra) as Record<string, unknown>) : EMPTY,
    location,
  };
  frame.created?.push(task);
  scope.names.set(name, task);
  scope.tasks.push(task);
  if (scope.kind === "steps") {
    if (frame.group) frame.group.push(task);
    else scope.groups.push([task]);
  }

  const handle = new TaskHandle(task) as unknown as Task<Decls, unknown>;
  // `extra` given as a function of the task itself: hooks that pass the task's own outputs on.
  if (extraOf)
    (task as { fields: unknown }).fields = Object.freeze(deepLower(extraOf(handle)) as Record<string, unknown>);
  Object.freeze(task);
  return handle;
}
