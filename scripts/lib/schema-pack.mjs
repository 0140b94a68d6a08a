// Packs CRD openAPIV3Schemas for vendoring: drops `description` strings (validation never reads them)
// and stores every subtree that occurs more than once (a container, a template, an ObjectMeta...)
// once, in `shared`, replaced where it occurred by `{"$shared": index}`. Key order is kept. The SDK
// unpacks with the same object shared at each occurrence (packages/sdk/src/validate/crd-schemas.ts).

const MIN_SHARED = 256; // bytes of JSON: smaller repeated subtrees are cheaper inline

function strip(node) {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "description" && typeof v === "string") continue;
    out[k] = strip(v);
  }
  return out;
}

/**
 * @param {Record<string, unknown>} schemas kind -> openAPIV3Schema
 * @returns {{ shared: unknown[], kinds: Record<string, unknown> }}
 */
export function packSchemas(schemas) {
  const stripped = Object.fromEntries(Object.entries(schemas).map(([k, s]) => [k, strip(s)]));
  const text = new Map(); // node -> its JSON
  const count = new Map(); // JSON -> occurrences
  const measure = (node) => {
    if (node === null || typeof node !== "object") return JSON.stringify(node);
    const s = Array.isArray(node)
      ? `[${node.map(measure).join(",")}]`
      : `{${Object.entries(node)
          .map(([k, v]) => `${JSON.stringify(k)}:${measure(v)}`)
          .join(",")}}`;
    text.set(node, s);
    count.set(s, (count.get(s) ?? 0) + 1);
    return s;
  };
  for (const s of Object.values(stripped)) measure(s);
  const shared = [];
  const index = new Map(); // JSON -> shared index
  const emit = (node, top) => {
    if (node === null || typeof node !== "object") return node;
    const s = text.get(node);
    if (!top && !Array.isArray(node) && s.length >= MIN_SHARED && count.get(s) > 1) {
      let i = index.get(s);
      if (i === undefined) {
        i = shared.length;
        index.set(s, i);
        shared.push(null);
        shared[i] = emit(node, true);
      }
      return { $shared: i };
    }
    if (Array.isArray(node)) return node.map((v) => emit(v, false));
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, emit(v, false)]));
  };
  const kinds = Object.fromEntries(Object.entries(stripped).map(([k, s]) => [k, emit(s, false)]));
  return { shared, kinds };
}

/** The inverse of packSchemas (for checks): every `{"$shared": i}` replaced by its subtree. */
export function unpackSchemas({ shared, kinds }) {
  const done = new Map();
  const hydrate = (node) => {
    if (node === null || typeof node !== "object") return node;
    if (Array.isArray(node)) return node.map(hydrate);
    if (typeof node.$shared === "number" && Object.keys(node).length === 1) {
      let v = done.get(node.$shared);
      if (v === undefined) {
        v = hydrate(shared[node.$shared]);
        done.set(node.$shared, v);
      }
      return v;
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, hydrate(v)]));
  };
  return Object.fromEntries(Object.entries(kinds).map(([k, s]) => [k, hydrate(s)]));
}
