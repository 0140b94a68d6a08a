import { findSourceMap } from "node:module";
import { fileURLToPath } from "node:url";
import type { SourceLocation } from "./errors.js";

const SDK_DIR = (() => {
  // The directory of the SDK's own files (src/ or dist/): frames inside it are skipped.
  const here = fileURLToPath(import.meta.url);
  return here.slice(0, here.lastIndexOf("/core/") + 1);
})();

interface CallSiteLike {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
}

/** The SDK's own test files live beside its sources but count as user code. */
const TEST_FILE = /\.test(-d)?\.[cm]?[jt]s$/;

const captureSites = (_: Error, sites: CallSiteLike[]): CallSiteLike[] => sites;

/**
 * A location read from the raw stack, mapped through the module's source map (TypeScript
 * loaded by tsx) only when it is read: capturing stays cheap for the thousands of tasks that
 * never get an error.
 */
class LazyLocation implements SourceLocation {
  #mapped: { file: string; line: number; column: number } | undefined;
  constructor(
    private readonly rawFile: string,
    private readonly rawLine: number,
    private readonly rawColumn: number,
  ) {}
  #map(): { file: string; line: number; column: number } {
    if (this.#mapped) return this.#mapped;
    let file = this.rawFile.startsWith("file://") ? fileURLToPath(this.rawFile) : this.rawFile;
    let line = this.rawLine;
    let column = this.rawColumn;
    try {
      const map = findSourceMap(this.rawFile) ?? findSourceMap(file);
      const entry = map?.findEntry(line - 1, column - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
      if (entry && entry.originalLine !== undefined && entry.originalSource) {
        line = entry.originalLine + 1;
        column = (entry.originalColumn ?? 0) + 1;
        file = entry.originalSource.startsWith("file://") ? fileURLToPath(entry.originalSource) : file;
      }
    } catch {
      // no source map: raw position
    }
    return (this.#mapped = { file, line, column });
  }
  get file(): string {
    return this.#map().file;
  }
  get line(): number {
    return this.#map().line;
  }
  get column(): number {
    return this.#map().column;
  }
  toJSON(): SourceLocation {
    return { ...this.#map() };
  }
}

/**
 * Returns the location of the first stack frame outside the SDK: the line of user code that
 * called into the authoring API. Cheap enough to call once per template and task.
 */
export function callerLocation(): SourceLocation | undefined {
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace;
  Error.stackTraceLimit = 12;
  Error.prepareStackTrace = captureSites as typeof Error.prepareStackTrace;
  const holder: { stack?: unknown } = {};
  Error.captureStackTrace(holder, callerLocation);
  const sites = holder.stack as CallSiteLike[] | undefined;
  Error.stackTraceLimit = limit;
  Error.prepareStackTrace = prepare;
  if (!Array.isArray(sites)) return undefined;
  for (const site of sites) {
    const raw = site.getFileName();
    if (!raw) continue;
    const file = raw.startsWith("file://") ? raw.slice(7) : raw;
    if ((file.startsWith(SDK_DIR) && !TEST_FILE.test(file)) || raw.startsWith("node:") || file.includes("/node_modules/")) continue;
    return new LazyLocation(raw, site.getLineNumber() ?? 0, site.getColumnNumber() ?? 0);
  }
  return undefined;
}
