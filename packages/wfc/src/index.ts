/**
 * # wfc
 *
 * One install for a pipeline repository: `npm install -D wfc` gives the SDK (this entry is
 * `@wfc/sdk`), the test harness (`wfc/testing`), Argo Events (`wfc/events`) and the `wfc` command.
 * {@link defineConfig} types a project's `wfc.config.ts`.
 *
 * @example
 * ```ts
 * import { nodeScript, workflow, z } from "wfc";
 *
 * const hello = nodeScript({ result: z.string(), run: function hello() { return "hello"; } });
 * export default workflow({ generateName: "hello-" }, () => { hello(); });
 * ```
 *
 * @packageDocumentation
 */

export type { ArgoVersion, WfcConfig } from "@wfc/cli/config";
export { defineConfig } from "@wfc/cli/config";
export * from "@wfc/sdk";
