import { BRAND } from "../core/brand.js";
import type { Ref } from "../core/ref.js";
import type { Condition } from "./types.js";

type Operand = Ref<unknown> | string | number | boolean;

function text(v: Operand | Condition): string {
  if (typeof v === "object" && v !== null && BRAND.expr in v) return `(${(v as Condition).text})`;
  return String(v);
}

function cond(t: string): Condition {
  return Object.freeze({ [BRAND.expr]: "condition" as const, text: t });
}

/**
 * `when` conditions in Argo's govaluate syntax, built from references and literals.
 *
 * @example
 * ```ts
 * heads({}, { when: eq(flip.result, "heads") });
 * big({}, { when: allOf(gt(n.result, 10), ne(mode, "dry")) });
 * ```
 */
export function eq(a: Operand, b: Operand): Condition {
  return cond(`${text(a)} == ${text(b)}`);
}
/** `a != b`. @example `when: ne(flip.result, "tails")` */
export function ne(a: Operand, b: Operand): Condition {
  return cond(`${text(a)} != ${text(b)}`);
}
/** `a > b`. @example `when: gt(n.result, 5)` */
export function gt(a: Ref<number> | number, b: Ref<number> | number): Condition {
  return cond(`${text(a)} > ${text(b)}`);
}
/** `a >= b`. @example `when: ge(n.result, 5)` */
export function ge(a: Ref<number> | number, b: Ref<number> | number): Condition {
  return cond(`${text(a)} >= ${text(b)}`);
}
/** `a < b`. @example `when: lt(n.result, 5)` */
export function lt(a: Ref<number> | number, b: Ref<number> | number): Condition {
  return cond(`${text(a)} < ${text(b)}`);
}
/** `a <= b`. @example `when: le(n.result, 5)` */
export function le(a: Ref<number> | number, b: Ref<number> | number): Condition {
  return cond(`${text(a)} <= ${text(b)}`);
}
/** `a =~ regex`. @example `when: matches(branch, "^release-")` */
export function matches(a: Ref<string> | string, regex: string): Condition {
  return cond(`${text(a)} =~ ${JSON.stringify(regex)}`);
}
/** All conditions hold. @example `when: allOf(eq(a, "x"), gt(n, 1))` */
export function allOf(...cs: Condition[]): Condition {
  return cond(cs.map(text).join(" && "));
}
/** Any condition holds. @example `when: anyOf(eq(a, "x"), eq(a, "y"))` */
export function anyOf(...cs: Condition[]): Condition {
  return cond(cs.map(text).join(" || "));
}
/** A condition written by hand, with references interpolated. @example ``when: condition`${n.result} > 5` `` */
export function condition(strings: TemplateStringsArray, ...values: unknown[]): Condition {
  return cond(String.raw({ raw: strings }, ...values.map(String)));
}
