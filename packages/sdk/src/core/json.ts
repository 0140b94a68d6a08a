/**
 * `JSON.stringify` that writes a BigInt as the integer it is (`9007199254740993`, not an error):
 * integers past 2^53 read from YAML are BigInts so that they survive exactly. The fast path is the
 * plain `JSON.stringify`; only a value holding a BigInt pays for the replacer.
 *
 * @example
 * ```ts
 * stringifyJson({ activeDeadlineSeconds: 9007199254740993n }); // '{"activeDeadlineSeconds":9007199254740993}'
 * ```
 */
export function stringifyJson(value: unknown, indent?: number): string {
  try {
    return JSON.stringify(value, null, indent);
  } catch (e) {
    if (!(e instanceof TypeError && /BigInt/i.test(e.message))) throw e;
  }
  const mark = `\u0000wfc-bigint-${Math.random().toString(36).slice(2)}:`;
  const text = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${mark}${v}` : v), indent);
  // The mark holds a NUL, which JSON writes escaped: find it in that form.
  const escaped = JSON.stringify(mark).slice(1, -1);
  return text.replace(new RegExp(`"${escaped.replaceAll("\\", "\\\\")}(-?\\d+)"`, "g"), "$1");
}
