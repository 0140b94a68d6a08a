// Argo Workflows (and Kubernetes) types generated from the vendored JSON schema; see types.gen.ts.
export type * from "./types.gen.js";
