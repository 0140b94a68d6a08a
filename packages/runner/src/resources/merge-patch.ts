/**
 * Merge patches for resource templates' `patch` action: RFC 7386 JSON merge patch
 * (`mergeStrategy: merge`) and Kubernetes' strategic merge patch restricted to what needs no API
 * schema (`strategic`, the default): maps merge key by key, `null` deletes. A strategic patch that
 * holds a list is refused, because merging a list (by `name` for containers, by `port` for ports,
 * ...) needs the type's patch-merge keys, which only the API server knows.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * RFC 7386 `MergePatch(target, patch)`.
 *
 * @example
 * ```ts
 * mergePatch({ a: 1, b: { c: 2 } }, { b: { c: null, d: 3 } }); // { a: 1, b: { d: 3 } }
 * ```
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/**
 * A strategic merge patch of plain maps; throws naming the first list it would have to merge.
 *
 * @example
 * ```ts
 * strategicMergePatch(pod, { metadata: { annotations: { foo: "bar" } } });
 * ```
 */
export function strategicMergePatch(target: unknown, patch: unknown, path = ""): unknown {
  if (Array.isArray(patch))
    throw new Error(
      `strategic merge patch of the list at ${path || "/"} needs the API schema's merge keys, which a local run does not have: use mergeStrategy merge (replaces the list) or json`,
    );
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith("$"))
      throw new Error(`strategic merge patch directive ${k} at ${path || "/"} is not supported locally`);
    if (v === null) delete out[k];
    else out[k] = strategicMergePatch(out[k], v, `${path}/${k}`);
  }
  return out;
}
