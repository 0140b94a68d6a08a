import { stringifyJson } from "../core/json.js";
import type { KubernetesObject } from "../core/manifest.js";
import { emitYaml, emitYamlBytes } from "../yaml/emit.js";

/**
 * Prints manifests as a multi-document YAML stream: deterministic, keys in the order the compiler
 * built them, and quoted so that YAML 1.1 readers (kubectl, argo) read back exactly the same
 * values (`"yes"`, `"0755"` stay strings).
 *
 * @example
 * ```ts
 * process.stdout.write(toYaml([compile(wf)]));
 * ```
 */
export function toYaml(manifests: readonly KubernetesObject[]): string {
  return emitYaml(manifests);
}

/**
 * {@link toYaml} as UTF-8 bytes: what `wfc build` writes, without building a large string.
 *
 * @example
 * ```ts
 * process.stdout.write(toYamlBytes([compile(wf)]));
 * ```
 */
export function toYamlBytes(manifests: readonly KubernetesObject[]): Uint8Array {
  return emitYamlBytes(manifests);
}

/**
 * Prints manifests as JSON: the object itself for one manifest, a `List` for several.
 *
 * @example
 * ```ts
 * process.stdout.write(toJson([compile(wf)]));
 * ```
 */
export function toJson(manifests: readonly KubernetesObject[]): string {
  const value = manifests.length === 1 ? manifests[0] : { apiVersion: "v1", kind: "List", items: manifests };
  return `${stringifyJson(value, 2)}\n`;
}
