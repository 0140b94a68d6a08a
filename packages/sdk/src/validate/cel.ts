import { createRequire } from "node:module";
import type { CelRule } from "./crd-schemas.js";

// The CEL library is loaded when the first rule is evaluated (`require` of an ES module, which
// Node >= 20.19 supports), so that importing the SDK to build workflows does not pay for it.
type CelLib = typeof import("@marcbachmann/cel-js");
let cel: CelLib | undefined;
const parse = (rule: string): unknown =>
  (cel ??= createRequire(import.meta.url)("@marcbachmann/cel-js") as CelLib).parse(rule);

type Program = (ctx: Record<string, unknown>) => unknown;
const programs = new Map<string, Program | Error>();

function compile(rule: string): Program | Error {
  let p = programs.get(rule);
  if (p === undefined) {
    try {
      p = parse(rule) as Program;
    } catch (e) {
      p = e instanceof Error ? e : new Error(String(e));
    }
    programs.set(rule, p);
  }
  return p;
}

/** The outcome of one CEL rule on one value: passed, failed (with the rule's message), or not evaluable. */
export type CelOutcome = { ok: true } | { ok: false; message: string; fieldPath?: string } | { error: string };

/**
 * Evaluates one CRD `x-kubernetes-validations` rule with `self` bound to `value` (transition rules, which use
 * `oldSelf`, are vacuously true for a create, as on the API server).
 *
 * @example
 * ```ts
 * evalCelRule({ rule: "!has(self.depends) || !has(self.dependencies)", message: "cannot use both" },
 *   { name: "a", depends: "b", dependencies: ["b"] }); // { ok: false, message: "cannot use both" }
 * ```
 */
export function evalCelRule(rule: CelRule, value: unknown): CelOutcome {
  if (/\boldSelf\b/.test(rule.rule) && !rule.optionalOldSelf) return { ok: true };
  const p = compile(rule.rule);
  if (p instanceof Error) return { error: `cannot compile CEL rule ${JSON.stringify(rule.rule)}: ${p.message}` };
  let r: unknown;
  try {
    r = p({ self: value });
  } catch (e) {
    return {
      error: `cannot evaluate CEL rule ${JSON.stringify(rule.rule)}: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  if (r === true) return { ok: true };
  if (r !== false) return { error: `CEL rule ${JSON.stringify(rule.rule)} returned ${String(r)}, not a bool` };
  const message =
    rule.message ?? (rule.messageExpression ? messageFromExpression(rule.messageExpression, value) : undefined);
  const out: { ok: false; message: string; fieldPath?: string } = {
    ok: false,
    message: message ?? `failed rule: ${rule.rule}`,
  };
  if (rule.fieldPath) out.fieldPath = rule.fieldPath;
  return out;
}

function messageFromExpression(expr: string, value: unknown): string | undefined {
  const p = compile(expr);
  if (p instanceof Error) return undefined;
  try {
    const m = p({ self: value });
    return typeof m === "string" && m !== "" ? m : undefined;
  } catch {
    return undefined;
  }
}
