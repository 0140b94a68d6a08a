/**
 * A resource template's `successCondition` / `failureCondition`, as Argo evaluates them: parsed by
 * Kubernetes' label-selector parser (`labels.Parse`: `k=v`, `k==v`, `k!=v`, `k in (a,b)`,
 * `k notin (a,b)`, `k`, `!k`, `k>N`, `k<N`, comma-separated), each key a gjson path looked up in
 * the object's JSON (`gjsonLabels`), and matched as `Requirement.Matches` does.
 */
import { gjsonGet } from "./gjson-path.js";

type Op = "=" | "==" | "!=" | "in" | "notin" | "exists" | "!" | ">" | "<";

/** One parsed requirement. */
export interface Requirement {
  readonly key: string;
  readonly op: Op;
  readonly values: readonly string[];
}

const QUALIFIED = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function tokens(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "(" || c === ")" || c === ",") {
      out.push(c);
      i++;
    } else if (c === "=" || c === "!" || c === ">" || c === "<") {
      const two = s.slice(i, i + 2);
      if (two === "==" || two === "!=") {
        out.push(two);
        i += 2;
      } else {
        out.push(c);
        i++;
      }
    } else {
      let j = i;
      while (j < s.length && !/[\s(),=!<>]/.test(s[j] as string)) j++;
      out.push(s.slice(i, j));
      i = j;
    }
  }
  return out;
}

const isOperator = (t: string | undefined) => t === "=" || t === "==" || t === "!=" || t === ">" || t === "<";
const isIdentifier = (t: string | undefined): t is string =>
  t !== undefined && !["(", ")", ",", "=", "==", "!=", "!", ">", "<"].includes(t);

function validKey(key: string): boolean {
  const slash = key.indexOf("/");
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (slash >= 0 && (slash === 0 || slash > 253 || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(key.slice(0, slash))))
    return false;
  return name.length > 0 && name.length <= 63 && QUALIFIED.test(name);
}

function checkValue(v: string, where: string): string {
  if (v.length > 63 || !VALUE.test(v)) throw new Error(`invalid label value: "${v}" in '${where}'`);
  return v;
}

/**
 * Parses a condition; throws with Kubernetes' kind of message on bad syntax.
 *
 * @example
 * ```ts
 * parseConditions("status.succeeded > 0,status.phase != Failed"); // two requirements
 * ```
 */
export function parseConditions(selector: string): Requirement[] {
  const t = tokens(selector);
  const reqs: Requirement[] = [];
  let i = 0;
  while (i < t.length) {
    let negate = false;
    if (t[i] === "!") {
      negate = true;
      i++;
    }
    const key = t[i];
    if (!isIdentifier(key)) throw new Error(`found '${key ?? ""}', expected: identifier in '${selector}'`);
    if (!validKey(key)) throw new Error(`invalid label key "${key}" in '${selector}'`);
    i++;
    if (negate) {
      reqs.push({ key, op: "!", values: [] });
    } else if (t[i] === undefined || t[i] === ",") {
      reqs.push({ key, op: "exists", values: [] });
    } else if (isOperator(t[i])) {
      const op = t[i] as Op;
      i++;
      const v = isIdentifier(t[i]) && t[i] !== "in" && t[i] !== "notin" ? (t[i++] as string) : "";
      if ((op === ">" || op === "<") && !/^[+-]?\d+$/.test(v))
        throw new Error(`for '${op}' operator, the value must be an integer in '${selector}'`);
      reqs.push({ key, op, values: [checkValue(v, selector)] });
    } else if (t[i] === "in" || t[i] === "notin") {
      const op = t[i] as Op;
      i++;
      if (t[i] !== "(") throw new Error(`found '${t[i] ?? ""}', expected: '(' in '${selector}'`);
      i++;
      const values: string[] = [];
      for (;;) {
        if (t[i] === ")") {
          if (values.length === 0) values.push("");
          i++;
          break;
        }
        const v = isIdentifier(t[i]) ? (t[i++] as string) : "";
        values.push(checkValue(v, selector));
        if (t[i] === ",") i++;
        else if (t[i] !== ")") throw new Error(`found '${t[i] ?? ""}', expected: ',' or ')' in '${selector}'`);
      }
      reqs.push({ key, op, values: [...new Set(values)].sort() });
    } else {
      throw new Error(`found '${t[i]}', expected: in, notin, =, ==, !=, gt, lt in '${selector}'`);
    }
    if (i < t.length) {
      if (t[i] !== ",") throw new Error(`found '${t[i]}', expected: ',' or 'end of string' in '${selector}'`);
      i++;
      if (i >= t.length) throw new Error(`found '', expected: identifier after ',' in '${selector}'`);
    }
  }
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** `Requirement.Matches` against the object's JSON through gjson paths. */
export function matches(r: Requirement, obj: unknown): boolean {
  const { exists, value } = gjsonGet(obj, r.key);
  switch (r.op) {
    case "=":
    case "==":
    case "in":
      return exists && r.values.includes(value);
    case "!=":
    case "notin":
      return !exists || !r.values.includes(value);
    case "exists":
      return exists;
    case "!":
      return !exists;
    case ">":
    case "<": {
      if (!exists || !/^[+-]?\d+$/.test(value)) return false;
      const have = BigInt(value);
      const want = BigInt(r.values[0] ?? "0");
      return r.op === ">" ? have > want : have < want;
    }
  }
}

/** The requirement as Kubernetes prints it (`status.phase==Error`, `k in (a,b)`). */
export function requirementText(r: Requirement): string {
  switch (r.op) {
    case "exists":
      return r.key;
    case "!":
      return `!${r.key}`;
    case "in":
    case "notin":
      return `${r.key} ${r.op} (${r.values.join(",")})`;
    default:
      return `${r.key}${r.op}${r.values[0] ?? ""}`;
  }
}

/**
 * `matchConditions`: a failure condition that holds fails the node; done when every success
 * requirement holds; otherwise not yet ("Retrying...").
 */
export function checkConditions(
  obj: unknown,
  success: readonly Requirement[],
  failure: readonly Requirement[],
): { done: true } | { done: false } | { failed: string } {
  for (const r of failure) {
    if (matches(r, obj)) return { failed: `failure condition '${requirementText(r)}' evaluated true` };
  }
  const n = success.filter((r) => matches(r, obj)).length;
  return n >= success.length ? { done: true } : { done: false };
}
