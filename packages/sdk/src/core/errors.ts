/**
 * Errors raised by wfc. Every error is a named class with a stable `code`, so callers (and the
 * `wfc` CLI, which exits with status 1 on any of them) can tell them apart without parsing text.
 *
 * @example
 * ```ts
 * try { compile(wf); } catch (e) { if (e instanceof CompileError) console.error(e.code, e.message); }
 * ```
 */
export class WfcError extends Error {
  /** A stable, machine-readable code such as `E_CYCLE` or `E_UNKNOWN_OUTPUT`. */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WfcError";
    this.code = code;
  }
}

/**
 * Where in the user's code something was created: a file path, line and column.
 *
 * @example
 * ```ts
 * console.log(`${d.location?.file}:${d.location?.line}`);
 * ```
 */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Formats a location as `file:line:column`.
 *
 * @example
 * ```ts
 * formatLocation({ file: "pipeline.ts", line: 3, column: 5 }) // "pipeline.ts:3:5"
 * ```
 */
export function formatLocation(loc: SourceLocation | undefined): string {
  if (!loc) return "<unknown location>";
  // Paths under the working directory are shown relative to it, as compilers do.
  const cwd = typeof process === "object" && typeof process.cwd === "function" ? `${process.cwd()}/` : undefined;
  const file = cwd && loc.file.startsWith(cwd) ? loc.file.slice(cwd.length) : loc.file;
  return `${file}:${loc.line}:${loc.column}`;
}

/**
 * One problem found while compiling a workflow.
 *
 * @example
 * ```ts
 * try { compile(wf); } catch (e) { if (e instanceof CompileError) for (const d of e.diagnostics) console.error(d.task, d.message); }
 * ```
 */
export interface Diagnostic {
  readonly code: string;
  readonly message: string;
  /** The workflow (kind/name) the problem is in. */
  readonly workflow?: string;
  /** The template the problem is in. */
  readonly template?: string;
  /** The task or step the problem is in. */
  readonly task?: string;
  /** Where the user's code created the offending object. */
  readonly location?: SourceLocation;
}

/**
 * Formats a diagnostic as one line: `file:line:col: workflow/x task y: message [CODE]`.
 *
 * @example
 * ```ts
 * for (const d of err.diagnostics) console.error(formatDiagnostic(d));
 * ```
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.workflow, d.template && `template ${d.template}`, d.task && `task ${d.task}`]
    .filter(Boolean)
    .join(", ");
  const loc = d.location ? `${formatLocation(d.location)}: ` : "";
  return `${loc}${where ? `${where}: ` : ""}${d.message} [${d.code}]`;
}

/**
 * Thrown by the compiler when a workflow is invalid. Holds every problem found, not just the first.
 *
 * @example
 * ```ts
 * try { compile(wf); } catch (e) { if (e instanceof CompileError) for (const d of e.diagnostics) console.error(d.message); }
 * ```
 */
export class CompileError extends WfcError {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics[0]?.code ?? "E_COMPILE", diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "CompileError";
    this.diagnostics = diagnostics;
  }
}

/**
 * Thrown while a workflow body runs (at build time) when the authoring API is misused, for
 * example a template called outside a workflow body or an argument that fails its zod schema.
 *
 * @example
 * ```ts
 * try { hello({ msg: "x" }); } catch (e) { if (e instanceof AuthoringError) console.error(e.code); } // outside a body
 * ```
 */
export class AuthoringError extends WfcError {
  readonly location: SourceLocation | undefined;
  constructor(code: string, message: string, location?: SourceLocation) {
    super(code, location ? `${formatLocation(location)}: ${message}` : message);
    this.name = "AuthoringError";
    this.location = location;
  }
}
