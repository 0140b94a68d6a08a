/** The `{{...}}` tags a string uses (fasttemplate's tag scan, as Argo's `template.Validate` does it). */

import { goQuote } from "./go-quote.js";
import { SubstitutionError } from "./substitute.js";

/**
 * One tag of a string.
 *
 * @example
 * ```ts
 * const [p] = placeholders("{{ item }}"); // { kind: "simple", name: "item", text: "{{ item }}", offset: 0 }
 * ```
 */
export interface Placeholder {
  /** `simple` (`{{inputs.parameters.x}}`) or `expression` (`{{= ...}}`). */
  readonly kind: "simple" | "expression";
  /** The variable name (trimmed) of a simple tag, or the expression's source of an expression tag. */
  readonly name: string;
  /** The tag as written, with its braces. */
  readonly text: string;
  /** Offset of the tag's `{{` in the string. */
  readonly offset: number;
}

/**
 * Lists the tags of `text`, in order. Throws {@link SubstitutionError} when a `{{` has no `}}`,
 * as Argo's template parser does.
 *
 * @example
 * ```ts
 * placeholders("{{inputs.parameters.a}}-{{= asInt(item) + 1}}").map((p) => p.name); // ["inputs.parameters.a", " asInt(item) + 1"]
 * ```
 */
export function placeholders(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  let pos = 0;
  for (;;) {
    const n = text.indexOf("{{", pos);
    if (n < 0) return out;
    const e = text.indexOf("}}", n + 2);
    if (e < 0)
      throw new SubstitutionError(
        `Cannot find end tag="}}" in the template=${goQuote(text)} starting from ${goQuote(text.slice(n + 2))}`,
        undefined,
      );
    const tag = text.slice(n + 2, e);
    out.push(
      tag.startsWith("=")
        ? { kind: "expression", name: tag.slice(1), text: text.slice(n, e + 2), offset: n }
        : { kind: "simple", name: tag.trim(), text: text.slice(n, e + 2), offset: n },
    );
    pos = e + 2;
  }
}
