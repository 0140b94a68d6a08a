/**
 * Argo's substitution (util/template `Replace` / `ReplaceStrict`): `{{name}}` simple tags and
 * `{{= expr}}` expression tags, done on the JSON text of the value being substituted, exactly as
 * the controller does it: values are escaped with Go's `strconv.Quote`, expression results are
 * JSON-marshalled, unresolved tags are kept or rejected, and the result must still be valid JSON.
 */

import { WfcError } from "@wfc/sdk";
import { argoEnv, argoEnvFor } from "../expr/argo-env.js";
import { ExprError } from "../expr/errors.js";
import { evaluateRaw, exprEnvPaths, exprIdentifiers, parseExpr } from "../expr/evaluate.js";
import { type GoMap, goJSON, isMap } from "../expr/value.js";
import { goQuote, goQuoteInner } from "./go-quote.js";

/**
 * Argo's flat scope: `inputs.parameters.x`, `tasks.a.outputs.result`, ... -> value; `null` is an
 * absent optional (a skipped node's output with no default). Other values (artifacts a scheduler
 * keeps beside its parameters) are not parameters: a simple tag naming one is treated as unresolved,
 * as Argo's parameter-only replace map would; expressions see them.
 *
 * @example
 * ```ts
 * const scope: ReplaceScope = { "inputs.parameters.x": "1", "tasks.skipped.outputs.result": null };
 * ```
 */
export type ReplaceScope = Readonly<Record<string, unknown>>;

/**
 * Options of {@link substitute} and {@link substituteObject}.
 *
 * @example
 * ```ts
 * const opts: SubstituteOptions = { strict: ["tasks", "steps"], what: 'task "b" arguments' };
 * ```
 */
export interface SubstituteOptions {
  /**
   * Leave tags whose variable is not in scope as they are (Argo's `allowUnresolved`); with
   * `false`, an unresolved tag is an error.
   * @default false
   */
  readonly allowUnresolved?: boolean;
  /**
   * Argo's `ReplaceStrict`: tags under these prefixes (e.g. `["tasks", "steps"]`) must resolve,
   * every other tag may stay unresolved (`allowUnresolved` is then ignored).
   * @default undefined
   */
  readonly strict?: readonly string[];
  /** What is substituted, named in errors, e.g. `template "print" args[0]`. @default undefined */
  readonly what?: string;
}

/**
 * A tag that cannot be substituted. `missing` tells a variable that is not (yet) in scope (Argo
 * requeues) from a terminal error (an absent optional, a failing expression, invalid JSON).
 *
 * @example
 * ```ts
 * try { substitute("{{x}}", {}); } catch (e) { if (e instanceof SubstitutionError) console.error(e.code, e.detail); }
 * ```
 */
export class SubstitutionError extends WfcError {
  /** Argo's message, e.g. `failed to resolve {{foo}}`. */
  readonly detail: string;
  /** Whether Argo would count it a missing variable (`IsMissingVariableErr`). */
  readonly missing: boolean;
  constructor(detail: string, what: string | undefined, options?: { cause?: unknown }) {
    super(SubstitutionCodes.substitute, what ? `${what}: ${detail}` : detail, options);
    this.name = "SubstitutionError";
    this.detail = detail;
    this.missing =
      detail.includes("failed to resolve {{") ||
      detail.includes(" is missing") ||
      detail.includes("variable not in env");
  }
}

/**
 * Stable codes of {@link SubstitutionError}.
 *
 * @example
 * ```ts
 * if (e instanceof SubstitutionError && e.code === SubstitutionCodes.substitute && e.missing) requeue();
 * ```
 */
export const SubstitutionCodes = { substitute: "E_SUBSTITUTE" } as const;

const PLACEHOLDER_PREFIX = "__argo__internal__placeholder-";
const lateBound = new Set([
  "item",
  "retries",
  "lastRetry.exitCode",
  "lastRetry.status",
  "lastRetry.duration",
  "lastRetry.message",
  "workflow.status",
  "workflow.failures",
]);

class Fail extends Error {}

interface Run {
  readonly scope: Readonly<Record<string, unknown>>;
  readonly strict: ((tag: string) => boolean) | undefined;
  readonly allowUnresolvedArtifacts: boolean;
  env?: GoMap;
  placeholders?: boolean;
}

function strictTest(prefixes: readonly string[] | undefined): ((tag: string) => boolean) | undefined {
  if (!prefixes || prefixes.length === 0) return undefined;
  return (tag) => prefixes.some((p) => tag === p || tag.startsWith(`${p}.`));
}

/**
 * Argo's `template.Replace` / `ReplaceStrictAny` on a JSON text: returns the substituted JSON text.
 *
 * @example
 * ```ts
 * replaceJSON('"hello {{x}}"', { x: "world" }); // '"hello world"'
 * ```
 */
export function replaceJSON(
  json: string,
  scope: Readonly<Record<string, unknown>>,
  options: SubstituteOptions = {},
): string {
  if (!isValidJSON(json))
    throw new SubstitutionError("cannot do template replacements with invalid JSON", options.what);
  if (!json.includes("{{")) return json;
  const run: Run = options.strict
    ? { scope, strict: strictTest(options.strict), allowUnresolvedArtifacts: true }
    : {
        scope,
        strict: options.allowUnresolved ? undefined : () => true,
        allowUnresolvedArtifacts: options.allowUnresolved === true,
      };
  checkTags(json, options.what);
  let out = "";
  let s = json;
  try {
    for (;;) {
      const n = s.indexOf("{{");
      if (n < 0) break;
      out += s.slice(0, n);
      s = s.slice(n + 2);
      const e = s.indexOf("}}");
      if (e < 0) {
        out += "{{";
        break;
      }
      const tag = s.slice(0, e);
      out += tag.startsWith("=") ? expressionTag(run, fix(tag.slice(1))) : simpleTag(run, tag);
      s = s.slice(e + 2);
    }
  } catch (err) {
    if (err instanceof Fail) throw new SubstitutionError(err.message, options.what, { cause: err.cause });
    throw err;
  }
  out += s;
  if (!isValidJSON(out))
    throw new SubstitutionError("cannot finish template replacement because the result was invalid JSON", options.what);
  return out;
}

function checkTags(json: string, what: string | undefined): void {
  // fasttemplate.NewTemplate: every "{{" needs a "}}" after it.
  let s = json;
  for (;;) {
    const n = s.indexOf("{{");
    if (n < 0) return;
    s = s.slice(n + 2);
    const e = s.indexOf("}}");
    if (e < 0)
      throw new SubstitutionError(
        `Cannot find end tag="}}" in the template=${goQuote(json)} starting from ${goQuote(s)}`,
        what,
      );
    s = s.slice(e + 2);
  }
}

function fix(s: string): string {
  return s
    .replace(/\\u003c/g, "<")
    .replace(/\\u003e/g, ">")
    .replace(/\\u0026/g, "&");
}

function isValidJSON(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

function has(scope: Readonly<Record<string, unknown>>, k: string): boolean {
  return Object.hasOwn(scope, k) && scope[k] !== undefined;
}

function isParameter(scope: Readonly<Record<string, unknown>>, k: string): boolean {
  if (!has(scope, k)) return false;
  const v = scope[k];
  return typeof v === "string" || v === null;
}

function simpleTag(run: Run, tag: string): string {
  const key = tag.trim();
  if (!isParameter(run.scope, key)) {
    const index = tag.lastIndexOf("{{");
    if (index > 0) {
      const prefix = tag.slice(0, index);
      const nested = tag.slice(index + 2);
      if (isParameter(run.scope, nested)) {
        const v = run.scope[nested];
        if (v === null)
          throw new Fail(`unable to substitute nested tag {{${tag}}}: ${goQuote(nested)} is an absent optional`);
        if (typeof v === "string") return `{{${prefix}${goQuoteInner(v)}`;
      }
    }
    if (run.strict?.(key) && !(run.allowUnresolvedArtifacts && key.includes(".outputs.artifacts.")))
      throw new Fail(`failed to resolve {{${tag}}}`);
    return `{{${tag}}}`;
  }
  const v = run.scope[key];
  if (v === null)
    throw new Fail(
      `unable to substitute {{${tag}}}: output is an absent optional (skipped/omitted node with no default)`,
    );
  return goQuoteInner(v as string);
}

function hasPlaceholder(scope: Readonly<Record<string, unknown>>): boolean {
  for (const k in scope) {
    const v = scope[k];
    // "_" first: most values are ruled out without a string comparison.
    if (typeof v === "string" && v.charCodeAt(0) === 95 && v.startsWith(PLACEHOLDER_PREFIX)) return true;
  }
  return false;
}

function envOf(run: Run, expression: string | undefined): GoMap {
  if (expression !== undefined) {
    try {
      return argoEnvFor(run.scope, exprEnvPaths(expression));
    } catch {
      // Does not parse: the full env, for the error path.
    }
  }
  return (run.env ??= argoEnv(run.scope));
}

function unmarshalExpression(expression: string): string | undefined {
  try {
    const v = JSON.parse(`"${expression}"`) as unknown;
    return typeof v === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Argo's `hasVarInEnv`: the identifier path exists in env (a nil leaf counts).
 *
 * @example
 * ```ts
 * hasVarInEnv({ workflow: { status: "Succeeded" } }, "workflow.status"); // true
 * ```
 */
export function hasVarInEnv(env: GoMap, parameter: string): boolean {
  if (Object.hasOwn(env, parameter)) return true;
  const parts = parameter.split(".");
  let current: unknown = env;
  let remaining = parts;
  let found = false;
  for (let i = parts.length; i > 0; i--) {
    const prefix = parts.slice(0, i).join(".");
    if (Object.hasOwn(env, prefix)) {
      current = env[prefix];
      remaining = parts.slice(i);
      found = true;
      break;
    }
  }
  for (let i = 0; i < remaining.length; i++) {
    if (current === null || current === undefined || !isMap(current)) return false;
    const part = remaining[i] as string;
    if (!Object.hasOwn(current, part)) return false;
    current = current[part];
    if (i === remaining.length - 1) return true;
  }
  return found && remaining.length === 0;
}

function missingVars(expression: string, env: GoMap): string[] | undefined {
  let ids: string[];
  try {
    ids = exprIdentifiers(expression, (n) => Object.hasOwn(env, n));
  } catch {
    return undefined;
  }
  return ids.filter((id) => !hasVarInEnv(env, id));
}

/**
 * Argo's `missingVarsInEnv`: the identifiers of an expression that env lacks (throws when it does not parse).
 *
 * @example
 * ```ts
 * missingVarsInEnv("foo + bar", { foo: "1" }); // ["bar"]
 * ```
 */
export function missingVarsInEnv(expression: string, env: GoMap): string[] {
  return exprIdentifiers(expression, (n) => Object.hasOwn(env, n)).filter((id) => !hasVarInEnv(env, id));
}

/**
 * Argo's `anyVarNotInEnv`: the first late-bound variable (`item`, `retries`, `lastRetry.*`,
 * `workflow.status`, `workflow.failures`) the expression uses but env lacks.
 *
 * @example
 * ```ts
 * anyVarNotInEnv("sprig.upper(item)", {}); // "item"
 * ```
 */
export function anyVarNotInEnv(expression: string, env: GoMap): string | undefined {
  let missing: string[];
  try {
    missing = missingVarsInEnv(expression, env);
  } catch {
    return undefined;
  }
  return missing.find((id) => lateBound.has(id));
}

function expressionTag(run: Run, expression: string): string {
  const un = unmarshalExpression(expression);
  const env = envOf(run, un);
  if (un === undefined) return expressionCore(run, expression, env, false);
  const missing = missingVars(un, env);
  if (missing === undefined) return expressionCore(run, expression, env, false);
  for (const id of missing) if (run.strict?.(id)) throw new Fail(`failed to evaluate expression: ${id} is missing`);
  return expressionCore(run, expression, env, missing.length > 0 || run.strict === undefined);
}

function expressionCore(run: Run, expression: string, env: GoMap, allowUnresolved: boolean): string {
  const unresolved = `{{=${expression}}}`;
  // Argo checks the whole env for internal placeholders; it matters only when the expression fails.
  const shouldAllowFailure = () => (run.placeholders ??= hasPlaceholder(run.scope));
  const un = unmarshalExpression(expression);
  if (un === undefined) {
    if (allowUnresolved) return unresolved;
    throw new Fail(`failed to unmarshall JSON expression: invalid character in string literal`);
  }
  if (allowUnresolved && anyVarNotInEnv(un, env) !== undefined) return unresolved;
  let compileError: ExprError | undefined;
  try {
    parseExpr(un);
  } catch (e) {
    if (!(e instanceof ExprError)) throw e;
    compileError = e;
  }
  if (compileError && !allowUnresolved && !shouldAllowFailure())
    throw new Fail(`failed to evaluate expression: ${compileError.detail}`, { cause: compileError });
  let result: unknown;
  let runError: ExprError | undefined;
  if (compileError) runError = compileError;
  else
    try {
      result = evaluateRaw(un, env);
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      runError = e;
    }
  if ((runError || result === null || result === undefined) && (allowUnresolved || shouldAllowFailure()))
    return unresolved;
  if (runError) throw new Fail(`failed to evaluate expression: ${runError.detail}`, { cause: runError });
  if (result === null || result === undefined) throw new Fail(`failed to evaluate expression ${goQuote(expression)}`);
  let marshaled: string;
  try {
    marshaled = goJSON(result);
  } catch (e) {
    if (allowUnresolved) return unresolved;
    throw new Fail(`failed to marshal evaluated expression: ${(e as Error).message}`);
  }
  if (marshaled.length > 1 && marshaled.startsWith('"') && marshaled.endsWith('"')) return marshaled.slice(1, -1);
  return goQuoteInner(marshaled);
}

/**
 * Substitutes the `{{...}}` tags of one string field the way Argo does (on the field's JSON text).
 *
 * @example
 * ```ts
 * substitute("hello {{inputs.parameters.name}}", { "inputs.parameters.name": "world" }); // "hello world"
 * substitute("{{= asInt(inputs.parameters.n) * 10 }}", { "inputs.parameters.n": "3" }); // "30"
 * substitute("{{tasks.a.outputs.result}}", {}, { allowUnresolved: true }); // "{{tasks.a.outputs.result}}"
 * ```
 */
export function substitute(text: string, scope: ReplaceScope, options?: SubstituteOptions): string {
  if (!text.includes("{{")) return text;
  return JSON.parse(replaceJSON(goJSON(text), scope, options)) as string;
}

/**
 * Substitutes a whole JSON value (a template, a task, a step) as Argo does: marshals it to JSON,
 * replaces the tags in that text, and parses the result back (a new value; `undefined` fields
 * are dropped, as JSON drops them).
 *
 * @example
 * ```ts
 * substituteObject({ args: ["{{inputs.parameters.x}}"] }, { "inputs.parameters.x": 'say "hi"' }); // { args: ['say "hi"'] }
 * ```
 */
export function substituteObject<T>(value: T, scope: ReplaceScope, options?: SubstituteOptions): T {
  const json = goJSON(value);
  // Always a copy (Argo unmarshals a new template), even with nothing to substitute.
  if (!json.includes("{{")) return JSON.parse(json) as T;
  return JSON.parse(replaceJSON(json, scope, options)) as T;
}
