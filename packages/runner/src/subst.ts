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
