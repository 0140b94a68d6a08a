/**
 * The scheduler's one door to Argo's substitution and expressions (R1's `template/` and `expr/`).
 * Everything else in the scheduler calls these functions, so swapping the implementation is one file.
 */

import { argoEnv } from "./expr/argo-env.js";
import { evaluate } from "./expr/evaluate.js";
import { evaluateWhen } from "./expr/when.js";
import { substitute, substituteObject } from "./template/substitute.js";

/** Argo's flat scope: `inputs.parameters.x`, `tasks.a.outputs.result`, `workflow.name`, ... -> value. */
export type Scope = Record<string, unknown>;

/** Options of {@link substituteText}. */
export interface SubstituteOptions {
  /** Leave `{{...}}` whose name is not in scope as they are (Argo's `allowUnresolved`). @default false */
  readonly allowUnresolved?: boolean;
  /** What is being substituted, for error messages (e.g. `template "main"`). */
  readonly what?: string;
  /** `ReplaceStrict`: tags under these prefixes must resolve (others may stay). */
  readonly strict?: readonly string[];
}

const tagRe = /\{\{(-?)([^{}]*?)(-?)\}\}/g;

type R1Scope = Readonly<Record<string, string | null>>;

/** Only strings (and `null`, an absent optional) are substituted; artifacts in scope are resolved apart (`from`). */
function textScope(scope: Scope): R1Scope {
  let clean = true;
  for (const k in scope) {
    const v = scope[k];
    if (typeof v !== "string" && v !== null) {
      clean = false;
      break;
    }
  }
  if (clean) return scope as R1Scope;
  const out: Record<string, string | null> = {};
  for (const k in scope) {
    const v = scope[k];
    if (typeof v === "string" || v === null) out[k] = v;
  }
  return out;
}
const r1Opts = (o: SubstituteOptions) => ({
  ...(o.allowUnresolved !== undefined ? { allowUnresolved: o.allowUnresolved } : {}),
  ...(o.strict ? { strict: o.strict } : {}),
  ...(o.what !== undefined ? { what: o.what } : {}),
});

/** Substitutes `{{name}}` and `{{=expr}}` in `text` from `scope` (Argo's `Replace`, on the string's JSON). */
export function substituteText(text: string, scope: Scope, opts: SubstituteOptions = {}): string {
  if (!text.includes("{{")) return text;
  return substitute(text, textScope(scope), r1Opts(opts));
}

/** Substitutes every string inside a JSON-like value (Argo's `Replace` on its JSON; returns a copy). */
export function substituteDeep<T>(value: T, scope: Scope, opts: SubstituteOptions = {}): T {
  return substituteObject(value, textScope(scope), r1Opts(opts));
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
  return evaluate(source, argoEnv(scope));
}

/** Evaluates an expr-lang expression against an environment. */
export function evaluateWithEnv(source: string, env: Record<string, unknown>): unknown {
  return evaluate(source, env);
}

/** Evaluates a substituted `when` as Argo does (govaluate; bare words are strings). */
export function evaluateWhenText(text: string): boolean {
  return evaluateWhen(text);
}
