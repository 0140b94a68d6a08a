/**
 * # wfc/decorators
 *
 * class-based templates with decorators (`@wfc/sdk/decorators`), re-exported.
 *
 * @packageDocumentation
 */

export * from "@wfc/sdk/decorators";
