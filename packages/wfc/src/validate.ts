/**
 * # wfc/validate
 *
 * the CRD schema validator (`@wfc/sdk/validate`), re-exported.
 *
 * @packageDocumentation
 */

export * from "@wfc/sdk/validate";
