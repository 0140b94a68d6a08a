/**
 * # @wfc/import
 *
 * Turns Argo Workflows manifests (Workflow, WorkflowTemplate, ClusterWorkflowTemplate,
 * CronWorkflow; YAML or JSON, one document or a stream) into wfc TypeScript: one `const` per
 * template with typed inputs and outputs, tasks wired through references, one exported workflow
 * object per document. Compiling the result with `@wfc/sdk` gives back the input
 * (Kubernetes-equal); what cannot be reproduced exactly is an {@link ImportError}. `wfc import`
 * is this package on the command line.
 *
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from "node:fs";
 * import { importManifests } from "@wfc/import";
 *
 * writeFileSync("hello.ts", importManifests(readFileSync("hello.yaml", "utf8"), "hello.yaml"));
 * ```
 *
 * @packageDocumentation
 */

export type { DirectoryImport, SourceFile } from "./directory.js";
export { importDirectory, modulePath } from "./directory.js";
export { ImportError } from "./errors.js";
export type { KnownSource } from "./events/documents.js";
export type { ImportOptions, ImportResult } from "./manifests.js";
export { importManifests, importModule } from "./manifests.js";
export type { SharedTemplate } from "./module.js";
export type { NormalizeOptions } from "./normalize.js";
export { normalizeDocument } from "./normalize.js";
