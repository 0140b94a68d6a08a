import { stringify } from "yaml";
import type { Manifest } from "./compile.js";

/**
 * Prints manifests as a multi-document YAML stream (or JSON), deterministic and safe for YAML 1.1
 * readers (kubectl, argo).
 *
 * @example
 * ```ts
 * process.stdout.write(toYaml([compile(wf)]));
 * ```
 */
export function toYaml(manifests: readonly Manifest[]): string {
  return manifests.map((m) => stringify(m, { version: "1.1", lineWidth: 0, aliasDuplicateObjects: false })).join("---\n");
}

/** Prints manifests as JSON: one object, or a `List` when there are several. */
export function toJson(manifests: readonly Manifest[]): string {
  const value = manifests.length === 1 ? manifests[0] : { apiVersion: "v1", kind: "List", items: manifests };
  return JSON.stringify(value, null, 2) + "\n";
}
