import { fileURLToPath } from "node:url";
import type { SourceLocation } from "./errors.js";

const SDK_DIR = (() => {
  // The directory of the SDK's own files (src/ or dist/): frames inside it are skipped.
  const here = fileURLToPath(import.meta.url);
  return here.slice(0, here.lastIndexOf("/core/") + 1);
})();

/**
 * Returns the location of the first stack frame outside the SDK: the line of user code that
 * called into the authoring API. Cheap enough to call once per template and task.
 */
export function callerLocation(): SourceLocation | undefined {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 16;
  const stack = new Error().stack;
  Error.stackTraceLimit = limit;
  if (!stack) return undefined;
  for (const line of stack.split("\n").slice(1)) {
    const m = /\(?((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (!m) continue;
    let file = m[1]!;
    if (file.startsWith("file://")) file = fileURLToPath(file);
    if (file.startsWith(SDK_DIR) || file.startsWith("node:") || file.includes("/node_modules/")) continue;
    return { file, line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}
