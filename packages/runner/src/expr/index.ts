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
export { evaluate, evaluateRaw, evaluateBool, parseExpr, formatValue, exprIdentifiers } from "./evaluate.js";
export { evaluateWhen } from "./when.js";
export { argoEnv, expandScope, argoFunctions } from "./argo-env.js";
export { ExprError, ExprCodes } from "./errors.js";
export type { ExprPosition } from "./errors.js";
export type { Node as ExprNode } from "./ast.js";
export { GoTime, GoDuration, goJSON } from "./value.js";
