// Shared by scripts/gen-argo-types.mjs and scripts/gen-events-types.mjs: prints JSON-schema nodes as
// TypeScript types (doc comments from descriptions, `number | string` where a generator says a node is
// int-or-string, optional properties unless required).

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const propKey = (k) => (IDENT.test(k) ? k : JSON.stringify(k));

/**
 * @param {{ tsName: (ref: string) => string, special?: (node: object) => string | undefined }} options
 *   `tsName` names a `$ref`; `special` may give a node's type before the generic rules (int-or-string).
 */
export function createTsPrinter({ tsName, special = () => undefined }) {
  function docComment(node, indent) {
    const text = (node.description ?? node.title ?? "").trim();
    if (!text) return "";
    const lines = text.replace(/\*\//g, "*\\/").split("\n");
    return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l.trimEnd()}` : ""}`).join("\n")}\n${indent} */\n`;
  }

  function typeOf(node, indent) {
    if (!node) return "unknown";
    const s = special(node);
    if (s !== undefined) return s;
    if (node.$ref) return tsName(node.$ref);
    if (node.const !== undefined) return JSON.stringify(node.const);
    if (node.enum) return node.enum.map((e) => JSON.stringify(e)).join(" | ");
    switch (node.type) {
      case "string":
        return "string";
      case "integer":
      case "number":
        return "number";
      case "boolean":
        return "boolean";
      case "array": {
        const t = typeOf(node.items, indent);
        return /^[A-Za-z0-9_]+$/.test(t) ? `${t}[]` : `Array<${t}>`;
      }
      case "object":
      case undefined: {
        const hasProps = node.properties && Object.keys(node.properties).length > 0;
        const ap = node.additionalProperties;
        if (!hasProps) {
          if (ap && typeof ap === "object") return `Record<string, ${typeOf(ap, indent)}>`;
          return node.type === "object" || ap ? "Record<string, unknown>" : "unknown";
        }
        return objectBody(node, indent);
      }
      default:
        return "unknown";
    }
  }

  /** `{ ... }` of an object node; `overrides` force a property's type/required, `relaxed` makes required ones optional. */
  function objectBody(node, indent, overrides = {}, relaxed = []) {
    const inner = `${indent}  `;
    const required = new Set((node.required ?? []).filter((r) => !relaxed.includes(r)));
    let out = "{\n";
    for (const [k, p] of Object.entries(node.properties ?? {})) {
      const o = overrides[k];
      out += docComment(p, inner);
      out += `${inner}${propKey(k)}${o?.required || required.has(k) ? "" : "?"}: ${o?.type ?? typeOf(p, inner)};\n`;
    }
    const ap = node.additionalProperties;
    if (ap && typeof ap === "object") out += `${inner}[key: string]: ${typeOf(ap, inner)} | undefined;\n`;
    return `${out}${indent}}`;
  }

  return { docComment, typeOf, objectBody };
}
