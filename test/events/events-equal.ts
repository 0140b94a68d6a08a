import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

// Compares two parsed Argo Events documents the way the golden test needs: object key order is free, and an
// integer equals its decimal string only where the Argo Events schema types the field as int-or-string
// (`type: ["integer", "string"]`). Nothing else is normalised: inside free-form objects (a trigger's
// `source.resource`) values must be equal as parsed.

interface Node {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Node>;
  additionalProperties?: Node | boolean;
  items?: Node;
}
const defs = (
  JSON.parse(readFileSync(join(ROOT, "packages/events/schema/jsonschema.json"), "utf8")) as {
    definitions: Record<string, Node>;
  }
).definitions;
const resolve = (n: Node | undefined): Node | undefined =>
  n?.$ref ? resolve(defs[n.$ref.replace("#/definitions/", "")]) : n;
const intOrString = (n: Node | undefined) =>
  Array.isArray(n?.type) && n.type.includes("integer") && n.type.includes("string");

/** The root schema node of a kind. */
export function kindNode(kind: string): Node | undefined {
  return defs[`io.argoproj.events.v1alpha1.${kind}`];
}

/** Differences between `a` (ours) and `b` (upstream), as `path: message` lines. */
export function diffEvents(a: unknown, b: unknown, node: Node | undefined, path = ""): string[] {
  const n = resolve(node);
  if (
    intOrString(n) &&
    (typeof a === "number" || typeof a === "string") &&
    (typeof b === "number" || typeof b === "string")
  ) {
    return String(a) === String(b) ? [] : [`${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`];
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${path}: ${a.length} items != ${b.length} items`];
    return a.flatMap((x, i) => diffEvents(x, b[i], n?.items, `${path}[${i}]`));
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const out: string[] = [];
    for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
      const p = path ? `${path}.${k}` : k;
      if (!(k in ao)) out.push(`${p}: missing (upstream ${JSON.stringify(bo[k])})`);
      else if (!(k in bo)) out.push(`${p}: extra (${JSON.stringify(ao[k])})`);
      else {
        const child =
          n?.properties?.[k] ?? (typeof n?.additionalProperties === "object" ? n.additionalProperties : undefined);
        out.push(...diffEvents(ao[k], bo[k], child, p));
      }
    }
    return out;
  }
  return Object.is(a, b) ? [] : [`${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`];
}
