/**
 * The scheduler's one door to Argo's substitution and expressions (R1's `template/` and `expr/`).
 * Everything else in the scheduler calls these functions, so swapping the implementation is one file.
 */

import { evaluate } from "./expr/evaluate.js";
import { evaluateWhenFallback } from "./when-fallback.js";

/** Argo's flat scope: `inputs.parameters.x`, `tasks.a.outputs.result`, `workflow.name`, ... -> value. */
export type Scope = Record<string, unknown>;

/** Options of {@link substituteText}. */
export interface SubstituteOptions {
  /** Leave `{{...}}` whose name is not in scope as they are (Argo's `allowUnresolved`). @default false */
  readonly allowUnresolved?: boolean;
  /** What is being substituted, for error messages (e.g. `template "main"`). */
  readonly what?: string;
}

const tagRe = /\{\{(-?)([^{}]*?)(-?)\}\}/g;

function str(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** Substitutes `{{name}}` and `{{=expr}}` in `text` from `scope`. */
export function substituteText(text: string, scope: Scope, opts: SubstituteOptions = {}): string {
  if (!text.includes("{{")) return text;
  return text.replace(tagRe, (whole, _l: string, inner: string) => {
    const body = inner.trim();
    if (body.startsWith("=")) {
      try {
        return str(evaluateExpression(body.slice(1), scope));
      } catch (e) {
        if (opts.allowUnresolved) return whole;
        throw e;
      }
    }
    if (Object.prototype.hasOwnProperty.call(scope, body)) return str(scope[body]);
    if (opts.allowUnresolved) return whole;
    throw new UnresolvedVariableError(body, opts.what);
  });
}

/** Substitutes every string inside a JSON-like value (returns a copy). */
export function substituteDeep<T>(value: T, scope: Scope, opts: SubstituteOptions = {}): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return substituteText(v, scope, opts);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/** The variable names in `text`'s simple `{{...}}` tags. */
export function placeholderNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(tagRe)) {
    const body = (m[2] ?? "").trim();
    if (!body.startsWith("=")) out.push(body);
  }
  return out;
}

/** A `{{...}}` that names nothing in scope. */
export class UnresolvedVariableError extends Error {
  readonly variable: string;
  constructor(variable: string, what?: string) {
    super(`failed to resolve {{${variable}}}${what ? ` in ${what}` : ""}`);
    this.name = "UnresolvedVariableError";
    this.variable = variable;
  }
}

/** Builds the nested environment expressions see from a flat scope (`a.b.c` -> `{a:{b:{c}}}`). */
export function nestedEnv(scope: Scope): Record<string, unknown> {
  const env: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(scope)) {
    env[k] = v;
    const parts = k.split(".");
    let cur = env;
    for (let i = 0; i < parts.length - 1; i++) {
      const p = parts[i]!;
      const next = cur[p];
      if (next && typeof next === "object" && !Array.isArray(next)) cur = next as Record<string, unknown>;
      else {
        const o: Record<string, unknown> = {};
        cur[p] = o;
        cur = o;
      }
    }
    cur[parts[parts.length - 1]!] = v;
  }
  return env;
}

/** Evaluates an expr-lang expression against a flat scope. */
export function evaluateExpression(source: string, scope: Scope): unknown {
  return evaluateWithEnv(source, nestedEnv(scope));
}

/** Evaluates an expr-lang expression against an environment. */
export function evaluateWithEnv(source: string, env: Record<string, unknown>): unknown {
  return evaluate(source, env);
}

/** Evaluates a substituted `when` as Argo does (govaluate; bare words are strings). */
export function evaluateWhenText(text: string): boolean {
  return evaluateWhenFallback(text);
}
