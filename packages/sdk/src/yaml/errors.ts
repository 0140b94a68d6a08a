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

  constructor(file: string, line: number, col: number, reason: string) {
    super(`${file}:${line}:${col}: ${reason}`);
    this.name = "YamlError";
    this.file = file;
    this.line = line;
    this.col = col;
    this.reason = reason;
  }
}
