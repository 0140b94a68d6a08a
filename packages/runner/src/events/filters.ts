/**
 * A dependency's filters as Argo Events evaluates them (pkg/sensors/dependencies/filter.go):
 * `exprs`, `data`, `context`, `time` and `script`, combined with `filtersLogicalOperator` (`and`
 * by default; with `or` any filter that is set and passes is enough), each list with its own
 * `dataLogicalOperator` / `exprLogicalOperator`. An error in one filter rejects the event with `and`;
 * with `or` it is reported beside the verdict of the others.
 */
import { evaluateGovaluate } from "../expr/when.js";
import type { LocalEvent } from "./cloud-event.js";
import { executeGoTemplate } from "./go-template.js";
import { getPath, gjsonBool, gjsonFloat, gjsonString } from "./json-path.js";
import { runLua } from "./lua.js";
import type { DataFilterSpec, ExprFilterSpec, FiltersSpec } from "./manifest-types.js";
import { timeOnDate } from "./zoned-time.js";

/** The verdict of a dependency's filters: `pass`, and the errors met (Argo Events logs them). */
export interface FilterVerdict {
  readonly pass: boolean;
  readonly error?: string;
}

class FilterError extends Error {}
const err = (kind: string, msg: string): FilterError => new FilterError(`${kind} filter error (${msg})`);
const multi = (kind: string, msgs: readonly string[]): FilterError =>
  new FilterError(`${kind} filter errors [${msgs.join(" / ")}]`);

function exprFilter(
  filters: readonly ExprFilterSpec[] | undefined,
  op: string | undefined,
  event: LocalEvent,
): boolean {
  if (!filters) return true;
  if (event.data === undefined || event.data === null) return true;
  const or = op === "or";
  const msgs: string[] = [];
  outer: for (const f of filters) {
    const params: Record<string, unknown> = {};
    for (const field of f.fields ?? []) {
      const r = getPath(event.data, field.path);
      if (!r.exists) {
        if (or) {
          msgs.push(`path '${field.path}' does not exist`);
          continue outer;
        }
        throw err("expr", `path '${field.path}' does not exist`);
      }
      params[field.name] = r.value;
    }
    if (!Object.keys(params).length) continue;
    let result: unknown;
    try {
      result = evaluateGovaluate(f.expr, params);
    } catch (e) {
      if (or) {
        msgs.push((e as Error).message);
        continue;
      }
      throw err("expr", (e as Error).message);
    }
    if (result === true) {
      if (or) return true;
    } else if (!or) return false;
  }
  if (or) {
    if (msgs.length) throw multi("expr", msgs);
    return false;
  }
  return true;
}

function compareNumber(comparator: string | undefined, a: number, b: number): boolean {
  switch (comparator ?? "") {
    case ">=":
      return a >= b;
    case ">":
      return a > b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case "!=":
      return a !== b;
    case "=":
    case "":
      return a === b;
    default:
      return false;
  }
}

/** One data filter: true, false, or a message (an error). */
function dataOne(f: DataFilterSpec, event: LocalEvent): boolean | string {
  const r = getPath(event.data, f.path);
  if (!r.exists) return `path '${f.path}' does not exist`;
  if (!f.value?.length) return "no values specified";
  let value: unknown = r.value;
  if (f.template) {
    let out: string;
    try {
      out = executeGoTemplate(f.template, { Input: gjsonString(r.value) }, `data filter ${f.path}`);
    } catch (e) {
      return (e as Error).message;
    }
    if (out === "" || out === "<no value>") return `template '${f.template}' evaluated to empty string or no value`;
    value = out;
  }
  switch (f.type) {
    case "bool":
      for (const v of f.value) {
        const parsed = ["1", "t", "T", "TRUE", "true", "True"].includes(v)
          ? true
          : ["0", "f", "F", "FALSE", "false", "False"].includes(v)
            ? false
            : undefined;
        if (parsed === undefined) return `strconv.ParseBool: parsing "${v}": invalid syntax`;
        if (parsed === gjsonBool(value)) return true;
      }
      return false;
    case "number":
      for (const v of f.value) {
        const n = Number(v);
        if (v.trim() === "" || Number.isNaN(n)) return `strconv.ParseFloat: parsing "${v}": invalid syntax`;
        if (compareNumber(f.comparator, gjsonFloat(value), n)) return true;
      }
      return false;
    case "string":
      for (const v of f.value) {
        let re: RegExp;
        try {
          re = new RegExp(v);
        } catch (e) {
          return `error parsing regexp: ${(e as Error).message}`;
        }
        const match = re.test(gjsonString(value));
        const c = f.comparator ?? "";
        if (((c === "=" || c === "") && match) || (c === "!=" && !match)) return true;
      }
      return false;
    default:
      return `unsupported JSON type '${f.type}'`;
  }
}

function dataFilter(
  filters: readonly DataFilterSpec[] | undefined,
  op: string | undefined,
  event: LocalEvent,
): boolean {
  if (!filters?.length) return true;
  if (event.data === undefined || event.data === null) return true;
  const or = op === "or";
  const msgs: string[] = [];
  for (const f of filters) {
    const r = dataOne(f, event);
    if (typeof r === "string") {
      if (!or) throw err("data", r);
      msgs.push(r);
      continue;
    }
    if (r && or) return true;
    if (!r && !or) return false;
  }
  if (or) {
    if (msgs.length) throw multi("data", msgs);
    return false;
  }
  return true;
}

function contextFilter(expected: FiltersSpec["context"], event: LocalEvent): boolean {
  if (!expected) return true;
  const c = event.context;
  return (
    (!expected.type || expected.type === c.type) &&
    (!expected.subject || expected.subject === c.subject) &&
    (!expected.source || expected.source === c.source) &&
    (!expected.datacontenttype || expected.datacontenttype === c.datacontenttype)
  );
}

function timeFilter(t: FiltersSpec["time"], event: LocalEvent): boolean {
  if (!t) return true;
  const at = Date.parse(event.context.time);
  let start: number;
  let stop: number;
  try {
    start = timeOnDate(t.start, at, t.timezone || "UTC");
    stop = timeOnDate(t.stop, at, t.timezone || "UTC");
  } catch (e) {
    throw err("time", (e as Error).message);
  }
  if (start < stop) return at >= start && at < stop;
  return at >= start || at < stop;
}

function scriptFilter(script: string | undefined, event: LocalEvent): boolean {
  if (!script) return true;
  if (event.data === undefined || event.data === null) return true;
  return runLua(script, event.data, "script filter") === true;
}

/**
 * Whether `event` passes `filters` (Argo Events' `Filter`).
 *
 * @example
 * ```ts
 * filterEvent(event, { data: [{ path: "body.amount", type: "number", comparator: ">", value: ["100"] }] }, undefined); // { pass: true }
 * ```
 */
export function filterEvent(
  event: LocalEvent,
  filters: FiltersSpec | undefined,
  operator: string | undefined,
): FilterVerdict {
  if (!filters) return { pass: true };
  const or = operator === "or";
  const msgs: string[] = [];
  const attempt = (f: () => boolean): boolean | undefined => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof FilterError)) throw e;
      if (!or) throw e;
      msgs.push(e.message);
      return false;
    }
  };
  try {
    const ex = attempt(() => exprFilter(filters.exprs, filters.exprLogicalOperator, event));
    const da = attempt(() => dataFilter(filters.data, filters.dataLogicalOperator, event));
    const cx = contextFilter(filters.context, event);
    const ti = attempt(() => timeFilter(filters.time, event));
    let sc: boolean;
    try {
      sc = scriptFilter(filters.script, event);
    } catch (e) {
      return { pass: false, error: (e as Error).message };
    }
    if (or) {
      const pass =
        (filters.exprs !== undefined && ex === true) ||
        (filters.data !== undefined && da === true) ||
        (filters.context !== undefined && cx) ||
        (filters.time !== undefined && ti === true) ||
        (!!filters.script && sc);
      return msgs.length ? { pass, error: msgs.join(" / ") } : { pass };
    }
    return { pass: !!(ex && da && cx && ti && sc) };
  } catch (e) {
    if (e instanceof FilterError) return { pass: false, error: e.message };
    throw e;
  }
}
