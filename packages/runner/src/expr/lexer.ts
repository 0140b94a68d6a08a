/** expr-lang's lexer (parser/lexer): tokens with their source offsets. */

import { EvalFailure } from "./errors.js";

export type TokenKind = "Identifier" | "Number" | "String" | "Operator" | "Bracket" | "EOF";

export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  /** Offset of the token's first character. */
  readonly from: number;
}

const letter = /[\p{L}_$]/u;
const digit = /\p{Nd}/u;
const space = /[\s\u0085]/u;

export function isAlphaNumeric(c: string | undefined): boolean {
  return c !== undefined && (letter.test(c) || digit.test(c));
}

/** Splits `source` into tokens; throws {@link EvalFailure} (with the offset) on a bad character. */
export function lex(source: string): Token[] {
  const out: Token[] = [];
  const chars = Array.from(source);
  // Offsets are in code points, as expr-lang counts runes.
  let pos = 0;
  let start = 0;
  const peek = (): string | undefined => chars[pos];
  const next = (): string | undefined => chars[pos++];
  const word = () => chars.slice(start, pos).join("");
  const emit = (kind: TokenKind, value = word()) => {
    out.push({ kind, value, from: start });
    start = pos;
  };
  const accept = (valid: string): boolean => {
    const c = peek();
    if (c !== undefined && valid.includes(c)) {
      pos++;
      return true;
    }
    return false;
  };
  const fail = (msg: string): never => {
    throw new EvalFailure(msg, Math.max(0, pos - 1));
  };

  while (true) {
    start = pos;
    const r = next();
    if (r === undefined) {
      out.push({ kind: "EOF", value: "", from: Math.max(0, chars.length - 1) });
      return out;
    }
    if (space.test(r)) continue;
    if (r === "'" || r === '"') {
      emit("String", unquoteGo(scanString(r)));
      continue;
    }
    if (r === "`") {
      let s = "";
      for (;;) {
        const c = next();
        if (c === undefined) fail("literal not terminated");
        if (c === "`") {
          if (peek() === "`") {
            pos++;
            s += "`";
            continue;
          }
          break;
        }
        s += c;
      }
      emit("String", s);
      continue;
    }
    if (r >= "0" && r <= "9") {
      pos--;
      scanNumber();
      continue;
    }
    if (r === "?") {
      accept(".?");
      emit("Operator");
      continue;
    }
    if (r === "/") {
      if (accept("/")) {
        while (pos < chars.length && chars[pos] !== "\n") pos++;
        continue;
      }
      if (accept("*")) {
        for (;;) {
          const c = next();
          if (c === undefined) fail("unclosed comment");
          if (c === "*" && accept("/")) break;
        }
        continue;
      }
      emit("Operator");
      continue;
    }
    if (r === "#") {
      accept("#");
      emit("Operator");
      while (isAlphaNumeric(peek())) pos++;
      if (pos > start) emit("Identifier");
      continue;
    }
    if (r === "|") {
      accept("|");
      emit("Operator");
      continue;
    }
    if (r === ":") {
      accept(":");
      emit("Operator");
      continue;
    }
    if ("([{)]}".includes(r)) {
      emit("Bracket");
      continue;
    }
    if (",;%+-^".includes(r)) {
      emit("Operator");
      continue;
    }
    if ("&!=*<>".includes(r)) {
      accept("&=*");
      emit("Operator");
      continue;
    }
    if (r === ".") {
      if (peek() !== undefined && "0123456789".includes(peek() as string)) {
        pos--;
        scanNumber();
        continue;
      }
      accept(".");
      emit("Operator");
      continue;
    }
    if (isAlphaNumeric(r)) {
      while (isAlphaNumeric(peek())) pos++;
      const w = word();
      if (w === "not") {
        emit("Operator");
        // "not in", "not matches", ...: the next word joins as an operator.
        while (peek() === " ") pos++;
        start = pos;
        const save = pos;
        while (isAlphaNumeric(peek())) pos++;
        const w2 = word();
        if (["in", "matches", "contains", "startsWith", "endsWith"].includes(w2)) emit("Operator");
        else pos = start = save;
      } else if (["in", "or", "and", "matches", "contains", "startsWith", "endsWith", "let", "if", "else"].includes(w))
        emit("Operator");
      else emit("Identifier");
      continue;
    }
    const cp = r.codePointAt(0) ?? 0;
    fail(`unrecognized character: U+${cp.toString(16).toUpperCase().padStart(4, "0")} '${r}'`);
  }

  function scanString(quote: string): string {
    for (;;) {
      const c = next();
      if (c === undefined || c === "\n") fail("literal not terminated");
      if (c === quote) break;
      if (c === "\\") {
        const e = next();
        if (e === undefined) fail("literal not terminated");
        if ("abfnrtv\\".includes(e as string) || e === quote) continue;
        if (e! >= "0" && e! <= "7") scanDigits(8, 2);
        else if (e === "x") scanDigits(16, 2);
        else if (e === "u") {
          if (peek() === "{") {
            pos++;
            let n = 0;
            while (peek() !== "}") {
              if (!/^[0-9a-fA-F]$/.test(peek() ?? "") || n >= 6) fail("invalid char escape");
              pos++;
              n++;
            }
            if (n === 0) fail("invalid char escape");
            pos++;
          } else scanDigits(16, 4);
        } else if (e === "U") scanDigits(16, 8);
        else fail("invalid char escape");
      }
    }
    return chars.slice(start, pos).join("");
  }

  function scanDigits(base: number, n: number): void {
    for (let i = 0; i < n; i++) {
      const c = peek();
      if (c === undefined || !(parseInt(c, base) >= 0)) fail("invalid char escape");
      pos++;
    }
  }

  function scanNumber(): void {
    let digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) digits = "0123456789abcdefABCDEF_";
      else if (accept("oO")) digits = "01234567_";
      else if (accept("bB")) digits = "01_";
    }
    while (accept(digits));
    const end = pos;
    if (accept(".")) {
      if (peek() === ".") {
        pos = end;
        emit("Number");
        return;
      }
      while (accept(digits));
    }
    if (accept("eE")) {
      accept("+-");
      while (accept(digits));
    }
    if (isAlphaNumeric(peek())) {
      pos++;
      fail(`bad number syntax: ${JSON.stringify(word())}`);
    }
    emit("Number");
  }
}

/** Go-style unescaping of a quoted expr-lang string literal. */
function unquoteGo(quoted: string): string {
  const s = quoted.slice(1, -1).replace(/\r\n?/g, "\n");
  if (!s.includes("\\")) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = s[++i] as string;
    const simple: Record<string, string> = {
      a: "\x07",
      b: "\b",
      f: "\f",
      n: "\n",
      r: "\r",
      t: "\t",
      v: "\v",
      "\\": "\\",
      "'": "'",
      '"': '"',
      "`": "`",
      "?": "?",
    };
    if (simple[e] !== undefined) {
      out += simple[e];
      continue;
    }
    if (e === "u" && s[i + 1] === "{") {
      const close = s.indexOf("}", i);
      out += String.fromCodePoint(parseInt(s.slice(i + 2, close), 16));
      i = close;
      continue;
    }
    if (e === "x" || e === "X" || e === "u" || e === "U") {
      const n = e === "u" ? 4 : e === "U" ? 8 : 2;
      const hex = s.slice(i + 1, i + 1 + n);
      const v = parseInt(hex, 16);
      if (hex.length !== n || Number.isNaN(v) || v > 0x10ffff) throw new EvalFailure("unable to unescape string", 0);
      // \x is a byte: Go writes it raw; for ASCII that is the character.
      out += String.fromCodePoint(v);
      i += n;
      continue;
    }
    if (e >= "0" && e <= "7") {
      const oct = s.slice(i, i + 3);
      const v = parseInt(oct, 8);
      if (!/^[0-7]{3}$/.test(oct) || v > 255) throw new EvalFailure("unable to unescape string", 0);
      out += String.fromCharCode(v);
      i += 2;
      continue;
    }
    throw new EvalFailure("unable to unescape string", 0);
  }
  return out;
}
