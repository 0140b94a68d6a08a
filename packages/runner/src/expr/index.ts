/**
 * Expressions as Argo evaluates them: expr-lang (`{{= ...}}`, `valueFrom.expression`, retry and
 * hook `expression`, `depends`) with Argo's functions, and govaluate for `when`.
 *
 * @example
 * ```ts
 * evaluate("asInt(inputs.parameters.n) * 10", argoEnv({ "inputs.parameters.n": "4" })); // 40
 * evaluateWhen("heads == heads"); // true
 * ```
 *
 * @packageDocumentation
 */

export { argoEnv, argoFunctions, expandScope } from "./argo-env.js";
export type { Node as ExprNode } from "./ast.js";
export type { ExprPosition } from "./errors.js";
export { ExprCodes, ExprError } from "./errors.js";
export { evaluate, evaluateBool, evaluateRaw, exprIdentifiers, formatValue, parseExpr } from "./evaluate.js";
export { GoDuration, GoTime, goJSON } from "./value.js";
export { evaluateGovaluate, evaluateWhen } from "./when.js";
