/**
 * Kubernetes field selectors (`k8s.io/apimachinery/pkg/fields`), as Argo matches them against
 * workflow nodes (`--node-field-selector`): terms joined by `,`, each `key=value`, `key==value` or
 * `key!=value`, with `\,`, `\=` and `\\` escapes.
 */
import type { NodeStatus } from "../types.js";
import { WfcError } from "../wfc-error.js";

/**
 * One term of a field selector.
 *
 * @example
 * ```ts
 * const t: FieldTerm = { field: "phase", op: "!=", value: "Succeeded" };
 * ```
 */
export interface FieldTerm {
  readonly field: string;
  readonly op: "=" | "!=";
  readonly value: string;
}

/**
 * A selector that does not parse (`E_FIELD_SELECTOR`).
 *
 * @example
 * ```ts
 * try { parseFieldSelector("phase"); } catch (e) { if (e instanceof FieldSelectorError) console.error(e.message); }
 * ```
 */
export class FieldSelectorError extends WfcError {
  constructor(selector: string, term: string) {
    super(
      "E_FIELD_SELECTOR",
      `invalid field selector "${selector}": cannot understand "${term}" (expected KEY=VALUE, KEY==VALUE or KEY!=VALUE)`,
    );
    this.name = "FieldSelectorError";
  }
}

function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === "\\" && i + 1 < s.length) {
      cur += c + (s[i + 1] as string);
      i++;
    } else if (c === sep) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function unescapeValue(s: string): string {
  return s.replace(/\\(.)/g, "$1");
}

/** Index of the first unescaped `!=`, `==` or `=` in `term`, and which. */
function findOperator(term: string): { at: number; op: "!=" | "==" | "=" } | undefined {
  for (let i = 0; i < term.length; i++) {
    if (term[i] === "\\") {
      i++;
      continue;
    }
    if (term.startsWith("!=", i)) return { at: i, op: "!=" };
    if (term.startsWith("==", i)) return { at: i, op: "==" };
    if (term[i] === "=") return { at: i, op: "=" };
  }
  return undefined;
}

/**
 * Parses a field selector; the empty selector has no terms (matches everything).
 *
 * @example
 * ```ts
 * parseFieldSelector("templateName=approve,phase!=Succeeded")
 * // [{ field: "templateName", op: "=", value: "approve" }, { field: "phase", op: "!=", value: "Succeeded" }]
 * ```
 */
export function parseFieldSelector(selector: string): FieldTerm[] {
  if (!selector.trim()) return [];
  return splitUnescaped(selector, ",").map((raw) => {
    const term = raw.trim();
    const found = findOperator(term);
    if (!found || found.at === 0) throw new FieldSelectorError(selector, term);
    const field = unescapeValue(term.slice(0, found.at).trim());
    const value = unescapeValue(term.slice(found.at + found.op.length).trim());
    return { field, op: found.op === "!=" ? "!=" : "=", value };
  });
}

/**
 * True when every term matches `fields` (a missing field reads as the empty string).
 *
 * @example
 * ```ts
 * matchesFields(parseFieldSelector("phase=Failed"), { phase: "Failed" }) // true
 * ```
 */
export function matchesFields(terms: readonly FieldTerm[], fields: Readonly<Record<string, string>>): boolean {
  return terms.every((t) => ((fields[t.field] ?? "") === t.value) === (t.op === "="));
}

/** Template of a node: its templateRef's template, else its templateName (Argo's `GetTemplateFromNode`). @internal */
export function templateOfNode(node: NodeStatus): string {
  return node.templateRef ? (node.templateRef.template ?? "") : (node.templateName ?? "");
}

/**
 * The fields of a node a `--node-field-selector` can name (Argo's `SelectorMatchesNode`):
 * `displayName`, `templateName`, `phase`, `name`, `id`, `templateRef.name`, `templateRef.template`,
 * `inputs.parameters.NAME.value`.
 *
 * @example
 * ```ts
 * nodeMatches(parseFieldSelector("displayName=approve"), node)
 * ```
 */
export function nodeMatches(terms: readonly FieldTerm[], node: NodeStatus): boolean {
  const fields: Record<string, string> = {
    displayName: node.displayName ?? "",
    templateName: templateOfNode(node),
    phase: node.phase ?? "",
    name: node.name ?? "",
    id: node.id ?? "",
  };
  if (node.templateRef) {
    fields["templateRef.name"] = node.templateRef.name ?? "";
    fields["templateRef.template"] = node.templateRef.template ?? "";
  }
  for (const p of node.inputs?.parameters ?? []) fields[`inputs.parameters.${p.name}.value`] = String(p.value ?? "");
  return matchesFields(terms, fields);
}
