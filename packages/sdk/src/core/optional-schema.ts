/**
 * Whether a parameter's schema accepts `undefined` (`.optional()`, `.nullish()`, `.default()`...),
 * asked once per schema: declarations are values shared by many templates, and a failing
 * `safeParse` builds a whole error object each time.
 *
 * @internal
 * @example
 * ```ts
 * acceptsUndefined(z.string().optional()); // true
 * acceptsUndefined(z.string());            // false
 * ```
 */
export function acceptsUndefined(schema: unknown): boolean {
  const s = schema as { safeParse?: (v: unknown) => { success: boolean } } | undefined;
  if (typeof s?.safeParse !== "function") return false;
  let known = answers.get(s);
  if (known === undefined) answers.set(s, (known = s.safeParse(undefined).success));
  return known;
}

const answers = new WeakMap<object, boolean>();
