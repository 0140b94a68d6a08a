/**
 * Argo's `depends` grammar, written once: the task statuses, an AST, a parser and a printer.
 *
 * The grammar is what Argo's controller accepts (workflow/common/ancestry.go): task names
 * (`[a-zA-Z0-9][-a-zA-Z0-9]*`), optionally followed by `.Status`, combined with `&&`, `||`, `!`
 * and parentheses (`!` binds tighter than `&&`, which binds tighter than `||`). A bare task name
 * means "succeeded, skipped or daemoned" (plus errored/failed under `continueOn`).
 *
 * @internal
 */
import { WfcError } from "./errors.js";

/** The task results a `depends` expression can test (`common.TaskResult` in Argo). */
export const TASK_STATUSES = [
  "Succeeded",
  "Failed",
  "Errored",
  "Skipped",
  "Omitted",
  "Daemoned",
  "AnySucceeded",
  "AllFailed",
] as const;

/** One of {@link TASK_STATUSES}. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** True when `s` is one of {@link TASK_STATUSES}. */
export function isTaskStatus(s: string): s is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(s);
}

/**
 * A `depends` expression whose tasks are `T`: names (`string`, what the parser returns) or the
 * compiler's task models.
 */
export type DependsAst<T> =
  | { readonly kind: "task"; readonly task: T; readonly status?: TaskStatus }
  | { readonly kind: "and" | "or"; readonly operands: readonly DependsAst<T>[] }
  | { readonly kind: "not"; readonly operand: DependsAst<T> };

/** A parsed `depends` expression: tasks by name. */
export type DependsNode = DependsAst<string>;

const NAME = /[a-zA-Z0-9][-a-zA-Z0-9]*/y;
const STATUS = /\.([A-Za-z]+)/y;

/**
 * Parses Argo's `depends` syntax. Throws a {@link WfcError} with code `E_DEPENDS_SYNTAX` naming the
 * expression and the position (0-based column) of the problem.
 *
 * @example
 * ```ts
 * parseDepends("a && (b.Failed || !c.Succeeded)")
 * // { kind: "and", operands: [{ kind: "task", task: "a" }, { kind: "or", operands: [...] }] }
 * ```
 */
export function parseDepends(text: string): DependsNode {
  let pos = 0;
  const fail = (what: string, at = pos): never => {
    throw new WfcError("E_DEPENDS_SYNTAX", `depends "${text}": ${what} at position ${at}`);
  };
  const skip = (): void => {
    while (pos < text.length && /\s/.test(text[pos] as string)) pos++;
  };
  const eat = (op: string): boolean => {
    skip();
    if (text.startsWith(op, pos)) {
      pos += op.length;
      return true;
    }
    return false;
  };
  const list = (kind: "and" | "or", op: string, next: () => DependsNode): DependsNode => {
    const first = next();
    const operands = [first];
    while (eat(op)) operands.push(next());
    return operands.length === 1 ? first : { kind, operands };
  };
  const or = (): DependsNode => list("or", "||", and);
  const and = (): DependsNode => list("and", "&&", unary);
  const unary = (): DependsNode => {
    skip();
    if (eat("!")) return { kind: "not", operand: unary() };
    if (eat("(")) {
      const inner = or();
      if (!eat(")")) fail(pos >= text.length ? "missing ')'" : `expected ')' but found '${text[pos]}'`);
      return inner;
    }
    NAME.lastIndex = pos;
    const m = NAME.exec(text);
    if (!m)
      fail(
        pos >= text.length
          ? "expected a task name but the expression ends"
          : `expected a task name but found '${text[pos]}'`,
      );
    const task = (m as RegExpExecArray)[0];
    pos += task.length;
    STATUS.lastIndex = pos;
    const s = STATUS.exec(text);
    if (!s) return { kind: "task", task };
    const status = s[1] as string;
    if (!isTaskStatus(status))
      fail(`unknown task status "${status}" of task "${task}" (one of ${TASK_STATUSES.join(", ")})`, pos + 1);
    pos += s[0].length;
    return { kind: "task", task, status: status as TaskStatus };
  };
  skip();
  if (pos >= text.length) fail("the expression is empty");
  const node = or();
  skip();
  if (pos < text.length) fail(`unexpected '${text[pos]}'`);
  return node;
}

/** How {@link printDepends} prints. */
export interface PrintDependsOptions<T> {
  /** The name of a task. @default String */
  readonly name?: (task: T) => string;
  /**
   * The printed expression is one operand of an `&&` the caller writes: a top-level `&&` or `||`
   * is parenthesised. @default false
   */
  readonly operand?: boolean;
}

/**
 * Prints a depends expression in Argo's syntax. Nested `&&`/`||` groups get parentheses; the top
 * level does not (unless `operand`). `parseDepends(printDepends(n))` gives `n` back.
 *
 * @example
 * ```ts
 * printDepends({ kind: "or", operands: [{ kind: "task", task: "a", status: "Failed" }, { kind: "task", task: "b" }] }) // "a.Failed || b"
 * ```
 */
export function printDepends<T>(node: DependsAst<T>, options: PrintDependsOptions<T> = {}): string {
  const name = options.name ?? String;
  const print = (n: DependsAst<T>, top: boolean): string => {
    switch (n.kind) {
      case "task":
        return n.status ? `${name(n.task)}.${n.status}` : name(n.task);
      case "not":
        return `!${print(n.operand, false)}`;
      default: {
        const s = n.operands.map((o) => print(o, false)).join(n.kind === "and" ? " && " : " || ");
        return top || n.operands.length < 2 ? s : `(${s})`;
      }
    }
  };
  return print(node, !options.operand);
}

/**
 * The tasks an expression mentions, in order of appearance (repeats included).
 *
 * @example
 * ```ts
 * dependsTasks(parseDepends("a.Failed || (b && !a)")) // ["a", "b", "a"]
 * ```
 */
export function dependsTasks<T>(node: DependsAst<T>, out: T[] = []): T[] {
  if (node.kind === "task") out.push(node.task);
  else if (node.kind === "not") dependsTasks(node.operand, out);
  else for (const o of node.operands) dependsTasks(o, out);
  return out;
}
