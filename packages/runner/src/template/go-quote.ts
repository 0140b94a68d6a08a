/** Go's `strconv.Quote`, which Argo uses to escape a substituted value into the template's JSON text. */

const printable = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;

/**
 * The inside of Go's `strconv.Quote(s)` (without the surrounding quotes): `\n`, `\t`, `\"`, `\\`,
 * `\a`, `\v`, `\x1b` for other control bytes, `\u00a0` for non-printable runes. Some of these are
 * not JSON escapes, so (as in Argo) a value holding such a character makes the substitution fail.
 *
 * @example
 * ```ts
 * goQuoteInner('a "b"\n'); // 'a \\"b\\"\\n'
 * ```
 */
export function goQuoteInner(s: string): string {
  if (/^[ !#-[\]-~]*$/.test(s)) return s;
  let out = "";
  for (const c of s) {
    const cp = c.codePointAt(0) as number;
    if (c === '"' || c === "\\") {
      out += `\\${c}`;
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += "\\ufffd";
      continue;
    }
    if (printable.test(c)) {
      out += c;
      continue;
    }
    switch (c) {
      case "\x07":
        out += "\\a";
        continue;
      case "\b":
        out += "\\b";
        continue;
      case "\f":
        out += "\\f";
        continue;
      case "\n":
        out += "\\n";
        continue;
      case "\r":
        out += "\\r";
        continue;
      case "\t":
        out += "\\t";
        continue;
      case "\v":
        out += "\\v";
        continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, "0")}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += `\\U${cp.toString(16).padStart(8, "0")}`;
  }
  return out;
}

/** Go's `%q` of a string (used in Argo's error messages). */
export function goQuote(s: string): string {
  return `"${goQuoteInner(s)}"`;
}
