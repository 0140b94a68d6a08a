/**
 * # wfc/yaml
 *
 * the Kubernetes-compatible YAML reader and writer (`@wfc/sdk/yaml`), re-exported.
 *
 * @packageDocumentation
 */

export * from "@wfc/sdk/yaml";
