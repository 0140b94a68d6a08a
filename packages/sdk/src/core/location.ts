import { findSourceMap } from "node:module";
import { fileURLToPath } from "node:url";
import type { SourceLocation } from "./errors.js";
import { PACKAGE_ROOT } from "./package-root.js";

/** The SDK package's directory: stack frames inside it (but for its tests) are not user code. */
const SDK_DIR = fileURLToPath(PACKAGE_ROOT);

interface CallSiteLike {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
}

/** The SDK's own test files live beside its sources but count as user code. */
const TEST_FILE = /\.test(-d)?\.[cm]?[jt]s$/;

const captureSites = (_: Error, sites: CallSiteLike[]): CallSiteLike[] => sites;

/**
 * A location captured as an unformatted stack and resolved only when read: the frames are found,
 * the first one outside the SDK picked, and its position mapped through the module's source map
 * (TypeScript bundled by wfc's loader, or loaded by tsx). Capturing stays cheap for the thousands of tasks that never get an
 * error.
 */
class LazyLocation implements SourceLocation {
  #holder: { stack?: unknown } | undefined;
  #mapped: { file: string; line: number; column: number } | undefined;
  constructor(holder: { stack?: unknown }) {
    this.#holder = holder;
  }
  #map(): { file: string; line: number; column: number } {
    if (this.#mapped) return this.#mapped;
    const prepare = Error.prepareStackTrace;
    Error.prepareStackTrace = captureSites as typeof Error.prepareStackTrace;
    const sites = this.#holder?.stack as CallSiteLike[] | undefined;
    Error.prepareStackTrace = prepare;
    this.#holder = undefined;
    let found = { file: "<unknown>", line: 0, column: 0 };
    for (const site of Array.isArray(sites) ? sites : []) {
      const raw = site.getFileName();
      if (!raw) continue;
      if (raw.startsWith("node:")) continue;
      const file = raw.startsWith("file://") ? fileURLToPath(raw) : raw;
      // judged by the mapped position: a bundled module (wfc's loader caches bundles under
      // node_modules/.cache) maps back to the user's file
      const at = mapPosition(raw, file, site.getLineNumber() ?? 0, site.getColumnNumber() ?? 0);
      if ((at.file.startsWith(SDK_DIR) && !TEST_FILE.test(at.file)) || at.file.includes("/node_modules/")) continue;
      found = at;
      break;
    }
    return (this.#mapped = found);
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

function mapPosition(
  raw: string,
  file: string,
  line: number,
  column: number,
): { file: string; line: number; column: number } {
  try {
    const map = findSourceMap(raw) ?? findSourceMap(file);
    const entry = map?.findEntry(line - 1, column - 1) as
      | { originalSource?: string; originalLine?: number; originalColumn?: number }
      | undefined;
    if (entry && entry.originalLine !== undefined && entry.originalSource) {
      const src = entry.originalSource.startsWith("file://") ? fileURLToPath(entry.originalSource) : file;
      return { file: src, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
    }
  } catch {
    // no source map: raw position
  }
  return { file, line, column };
}

/**
 * Returns the location of the first stack frame outside the SDK: the line of user code that
 * called into the authoring API. Only the raw frames are captured here; see {@link LazyLocation}.
 * `entry` is the public function the user called (its caller is the frame wanted).
 */
export function callerLocation(entry?: Function): SourceLocation | undefined {
  // Given the public API function the user called, the frames above it are cut off by V8 and
  // the user's frame comes first: two frames are enough, which keeps capturing cheap.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = entry ? 2 : 10;
  const holder: { stack?: unknown } = {};
  Error.captureStackTrace(holder, entry ?? callerLocation);
  Error.stackTraceLimit = limit;
  return new LazyLocation(holder);
}
