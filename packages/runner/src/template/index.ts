/**
 * Argo's template substitution: `{{name}}` and `{{= expr}}` tags in strings and whole templates.
 *
 * @example
 * ```ts
 * substitute("{{inputs.parameters.x}}!", { "inputs.parameters.x": "hi" }); // "hi!"
 * ```
 *
 * @packageDocumentation
 */
export { substitute, substituteObject, replaceJSON, hasVarInEnv, missingVarsInEnv, anyVarNotInEnv, SubstitutionError, SubstitutionCodes } from "./substitute.js";
export type { SubstituteOptions, ReplaceScope } from "./substitute.js";
export { placeholders } from "./placeholders.js";
export { resolveVar } from "./resolve-var.js";
export { shouldExecute } from "./should-execute.js";
export type { Placeholder } from "./placeholders.js";
export { goQuoteInner } from "./go-quote.js";
