/**
 * # @wfc/cli
 *
 * The `wfc` command line: `build`, `lint` and `graph` work on files; `submit`, `apply`, `get`,
 * `list`, `logs` and `delete` talk to a cluster. This entry exposes the pieces for embedding:
 *
 * @example
 * ```ts
 * import { main } from "@wfc/cli";
 * process.exitCode = await main(["node", "wfc", "build", "pipeline.ts"]);
 * ```
 *
 * @packageDocumentation
 */

export { manifestFileName } from "./commands/build.js";
export { renderGraph } from "./commands/graph.js";
export { ConfigError } from "./config/config-error.js";
export type { ArgoVersion, WfcConfig } from "./config/define-config.js";
export { defineConfig } from "./config/define-config.js";
export { writeFileAtomic } from "./io.js";
export type { LoadedManifest } from "./load.js";
export { exportedObjects, InputError, loadManifests } from "./load.js";
export { createProgram, main } from "./main.js";
