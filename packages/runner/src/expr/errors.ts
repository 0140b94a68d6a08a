import { WfcError } from "@wfc/sdk";

/**
 * Where in an expression a problem is: 1-based line and column.
 *
 * @example
 * ```ts
 * const p: ExprPosition = { line: 1, column: 3 }; // the "+" of "1 + "
 * ```
 */
export interface ExprPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * An expression (expr-lang `{{= ...}}`, `valueFrom.expression`, `depends`, or a govaluate `when`)
 * that does not parse or fails to evaluate. `detail` is the message as expr-lang (or govaluate)
 * words it, `position` where it happened (when known); `message` names the expression too.
 *
 * @example
 * ```ts
 * try { evaluate("1 +", {}); } catch (e) { if (e instanceof ExprError) console.error(e.code, e.position); }
 * ```
 */
export class ExprError extends WfcError {
  /** The expression's source text. */
  readonly expression: string;
  /** The message without the expression, e.g. `unknown name foo (1:1)`. */
  readonly detail: string;
  readonly position: ExprPosition | undefined;
  constructor(expression: string, detail: string, position?: ExprPosition, code: string = ExprCodes.expr) {
    super(code, `expression ${JSON.stringify(expression)}: ${detail}`);
    this.name = "ExprError";
    this.expression = expression;
    this.detail = detail;
    this.position = position;
  }
}

/**
 * Stable codes of {@link ExprError}.
 *
 * @example
 * ```ts
 * if (e instanceof ExprError && e.code === ExprCodes.when) console.error("bad when:", e.detail);
 * ```
 */
export const ExprCodes = {
  /** An expr-lang expression failed to parse or evaluate. */
  expr: "E_EXPR",
  /** A `when` failed to parse or evaluate (govaluate). */
  when: "E_WHEN",
} as const;

/** Thrown inside evaluation: a message and the source offset of the failing node. */
export class EvalFailure extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** expr-lang's `file.Error` rendering: `message (line:col)\n | source line\n | ...^`. */
export function formatAt(source: string, at: number, message: string): { text: string; position: ExprPosition } {
  // Offsets count code points (expr-lang counts runes).
  const chars = Array.from(source);
  let line = 1;
  let column = 0;
  let lineStart = 0;
  for (let i = 0; i < chars.length && i < at; i++) {
    if (chars[i] === "\n") {
      line++;
      column = 0;
      lineStart = i + 1;
    } else column++;
  }
  let lineEnd = chars.indexOf("\n", lineStart);
  if (lineEnd < 0) lineEnd = chars.length;
  const position = { line, column: column + 1 };
  if (lineStart === lineEnd) return { text: message, position };
  const src = chars.slice(lineStart, lineEnd).join("").replace(/\t/g, " ");
  return { text: `${message} (${line}:${column + 1})\n | ${src}\n | ${".".repeat(column)}^`, position };
}
