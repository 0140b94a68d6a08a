/**
 * `kubectl get -o jsonpath=TEMPLATE`, which Argo runs for a resource template's output parameter
 * with `valueFrom.jsonPath`: text with `{...}` expressions (kubectl adds the braces and a leading
 * `.` when they are missing), each a JSONPath from the object's root, results joined by spaces,
 * strings as they are and other values as JSON, missing keys printing nothing (kubectl's
 * `--allow-missing-template-keys` default). `{range}`/`{end}` and functions are refused.
 */
import { jsonPathQuery } from "../expr/jsonpath.js";

function relaxed(template: string): string {
  const t = template.trim();
  if (t.includes("{")) return t;
  return `{${t.startsWith(".") || t.startsWith("[") ? t : `.${t}`}}`;
}

/**
 * Evaluates the template against the object.
 *
 * @example
 * ```ts
 * kubectlJsonPath("{.metadata.name}", { metadata: { name: "wf-1" } }); // "wf-1"
 * ```
 */
export function kubectlJsonPath(template: string, obj: unknown): string {
  const t = relaxed(template);
  let out = "";
  let i = 0;
  while (i < t.length) {
    const open = t.indexOf("{", i);
    if (open < 0) {
      out += t.slice(i);
      break;
    }
    out += t.slice(i, open);
    const close = t.indexOf("}", open);
    if (close < 0) throw new Error(`jsonPath ${template}: unclosed action`);
    const expr = t.slice(open + 1, close).trim();
    i = close + 1;
    if (/^(range|end|else|if)\b/.test(expr) || expr.includes("("))
      throw new Error(`jsonPath ${template}: "{${expr}}" is not supported by the local runner (only paths)`);
    if (expr.startsWith('"') && expr.endsWith('"')) {
      out += expr.slice(1, -1);
      continue;
    }
    const path =
      expr === "." || expr === "@" ? "$" : `$${expr.startsWith("[") ? "" : expr.startsWith(".") ? "" : "."}${expr}`;
    let value: unknown;
    try {
      value = jsonPathQuery(path, obj);
    } catch {
      value = undefined;
    }
    const values = Array.isArray(value) && /\[\*\]|\.\*|\.\.|\[\?/.test(expr) ? value : [value];
    out += values
      .filter((v) => v !== undefined)
      .map((v) => (typeof v === "string" ? v : JSON.stringify(v)))
      .join(" ");
  }
  return out;
}
