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

export { goQuoteInner } from "./go-quote.js";
export type { Placeholder } from "./placeholders.js";
export { placeholders } from "./placeholders.js";
export { resolveVar } from "./resolve-var.js";
export { shouldExecute } from "./should-execute.js";
export type { ReplaceScope, SubstituteOptions } from "./substitute.js";
export {
  anyVarNotInEnv,
  hasVarInEnv,
  missingVarsInEnv,
  replaceJSON,
  SubstitutionCodes,
  SubstitutionError,
  substitute,
  substituteObject,
} from "./substitute.js";
