/**
 * The subset of gjson paths Argo's resource conditions use (`gjsonLabels` in
 * workflow/executor/resource.go): dot-separated keys, `\.` to escape a dot, a number to index an
 * array, `#` for an array's length. `Get(...).String()` semantics: a string as is, numbers and
 * booleans as JSON text, objects and arrays as compact JSON, a missing path as "".
 */

/** Looks `path` up in `doc`; `exists` is false when any part is missing. */
export function gjsonGet(doc: unknown, path: string): { exists: boolean; value: string } {
  let cur: unknown = doc;
  for (const part of splitPath(path)) {
    if (Array.isArray(cur)) {
      if (part === "#") {
        cur = cur.length;
        continue;
      }
      if (!/^\d+$/.test(part) || Number(part) >= cur.length) return { exists: false, value: "" };
      cur = cur[Number(part)];
    } else if (cur !== null && typeof cur === "object" && Object.hasOwn(cur, part)) {
      cur = (cur as Record<string, unknown>)[part];
    } else {
      return { exists: false, value: "" };
    }
  }
  if (cur === undefined) return { exists: false, value: "" };
  return { exists: true, value: typeof cur === "string" ? cur : JSON.stringify(cur) };
}

function splitPath(path: string): string[] {
  const parts: string[] = [];
  let cur = "";
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === "\\" && i + 1 < path.length) {
      cur += path[++i];
    } else if (c === ".") {
      parts.push(cur);
      cur = "";
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}
