/**
 * Merge patches for resource templates' `patch` action: RFC 7386 JSON merge patch
 * (`mergeStrategy: merge`) and Kubernetes' strategic merge patch (`strategic`, the default; see
 * `strategic-merge.ts`: lists merged by the built-in kinds' patch merge keys, directives).
 */
import { strategicMerge } from "./strategic-merge.js";

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
 * A strategic merge patch of a built-in kind's object, as the API server applies it; a custom
 * resource's is refused as the API server refuses it (use `merge` or `json`).
 *
 * @example
 * ```ts
 * strategicMergePatch(pod, { metadata: { annotations: { foo: "bar" } } });
 * ```
 */
export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  return strategicMerge(target, patch);
}
