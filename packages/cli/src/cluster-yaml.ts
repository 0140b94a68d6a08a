/**
 * The `yaml` library inside the cluster bundle (`scripts/bundle.mjs` puts it there in place of
 * the SDK's `yamlLibrary()`, which the client imports to read a YAML kubeconfig): a YAML
 * kubeconfig is parsed by code read with the bundle and kept in its code cache, instead of by the
 * SDK's copy loaded through Node's ES module loader. The same library as the SDK's copy (which is
 * built from this package).
 */
import * as yaml from "yaml";

/**
 * The `yaml` module.
 *
 * @example
 * ```ts
 * const { parseDocument } = yamlLibrary();
 * ```
 */
export function yamlLibrary(): typeof yaml {
  return yaml;
}
