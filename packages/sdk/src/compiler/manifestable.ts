import { BRAND, hasBrand } from "../core/brand.js";
import type { KubernetesObject } from "../core/manifest.js";

/**
 * The protocol by which other wfc packages (such as `@wfc/events`) make objects that `wfc build`
 * finds among a module's exports: a function under `Symbol.for("wfc.manifests")` that returns
 * the object's manifests.
 *
 * @example
 * ```ts
 * const obj = { [MANIFESTS]: () => [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" }, data: {} }] };
 * ```
 */
export interface Manifestable {
  readonly [BRAND.manifests]: () => readonly KubernetesObject[];
}

/**
 * The symbol of the {@link Manifestable} protocol.
 *
 * @example
 * ```ts
 * export const extra = { [MANIFESTS]: () => [configMapManifest] };
 * ```
 */
export const MANIFESTS: typeof BRAND.manifests = BRAND.manifests;

/**
 * True when `value` implements {@link Manifestable}.
 *
 * @example
 * ```ts
 * if (isManifestable(value)) manifests.push(...value[MANIFESTS]());
 * ```
 */
export function isManifestable(value: unknown): value is Manifestable {
  return hasBrand(value, BRAND.manifests);
}
