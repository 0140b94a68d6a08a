/**
 * The Argo types the authoring API uses, under stable local names. They are generated from Argo's
 * schema (see `src/argo/types.gen.ts`); this file only picks and renames.
 */
// Placeholder until the generated types land; replaced by re-exports of src/argo/types.gen.ts.
type Loose = { [key: string]: unknown };
export type ArgoTemplate = Loose;
export type ArgoContainer = Loose;
export type ArgoScriptTemplate = Loose;
export type ArgoDAGTask = Loose;
export type ArgoWorkflowStep = Loose;
export type ArgoWorkflowSpec = Loose;
export type ArgoCronWorkflowSpec = Loose;
export type ArgoParameter = Loose;
export type ArgoArtifact = Loose;
export type ArgoValueFrom = Loose;
export type ArgoObjectMeta = Loose;
export type ArgoResourceTemplate = Loose;
export type ArgoSuspendTemplate = Loose;
export type ArgoHTTP = Loose;
export type ArgoData = Loose;
export type ArgoContainerSetTemplate = Loose;
export type ArgoPlugin = Loose;
export type ArgoDAGTemplate = Loose;
export type ArgoSequence = Loose;
export type ArgoLifecycleHook = Loose;
export type ArgoContinueOn = Loose;
