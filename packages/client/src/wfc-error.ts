/**
 * Base class of wfc errors, from `@wfc/sdk`: the CLI prints any `WfcError` as
 * `error: <message>` and exits 1.
 */
export { WfcError } from "@wfc/sdk/internal";
