import { readFileSync } from "node:fs";

/**
 * The version of `@wfc/cli`, from its `package.json` (this module sits in `dist/`, as do the
 * bundles that inline it).
 *
 * @example
 * ```ts
 * console.log(`wfc ${VERSION}`);
 * ```
 */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
