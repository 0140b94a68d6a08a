/**
 * # wfc/argo
 *
 * Argo's generated types (`@wfc/sdk/argo`), re-exported.
 *
 * @packageDocumentation
 */

export * from "@wfc/sdk/argo";
