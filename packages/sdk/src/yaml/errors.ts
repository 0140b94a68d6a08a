/**
 * An error reading YAML: where it happened and why.
 *
 * @example
 * ```ts
 * try { parseK8sYaml("a: [1,", "wf.yaml"); }
 * catch (e) { if (e instanceof YamlError) console.error(`${e.file}:${e.line}:${e.col}: ${e.reason}`); }
 * ```
 */
export class YamlError extends Error {
  /** The file name given to the reader, or `"<input>"`. */
  readonly file: string;
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column of the problem. */
  readonly col: number;
  /** The message without the location prefix. */
  readonly reason: string;
  /**
   * A stable code: `E_YAML_SYNTAX` (not YAML), `E_YAML_ALIASING` (an alias bomb), `E_YAML_TOO_LARGE`,
   * `E_YAML_TOO_DEEP` (past the limits of `parseK8sYaml`, `YAML_LIMITS`).
   */
  readonly code: string;

  constructor(file: string, line: number, col: number, reason: string, code = "E_YAML_SYNTAX") {
    super(`${file}:${line}:${col}: ${reason}`);
    this.name = "YamlError";
    this.file = file;
    this.line = line;
    this.col = col;
    this.reason = reason;
    this.code = code;
  }
}
