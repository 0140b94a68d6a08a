/**
 * The Argo types the authoring API uses, under stable local names. They are generated from Argo's
 * schema by `scripts/gen-argo-types.mjs` (see `src/argo/types.gen.ts`); this file only picks and
 * renames.
 */
export type {
  Artifact as ArgoArtifact,
  Container as ArgoContainer,
  ContainerSetTemplate as ArgoContainerSetTemplate,
  ContinueOn as ArgoContinueOn,
  CronWorkflowSpec as ArgoCronWorkflowSpec,
  DAGTask as ArgoDAGTask,
  DAGTemplate as ArgoDAGTemplate,
  Data as ArgoData,
  HTTP as ArgoHTTP,
  LifecycleHook as ArgoLifecycleHook,
  ObjectMeta as ArgoObjectMeta,
  Parameter as ArgoParameter,
  ResourceTemplate as ArgoResourceTemplate,
  ScriptTemplate as ArgoScriptTemplate,
  Sequence as ArgoSequence,
  SuspendTemplate as ArgoSuspendTemplate,
  Template as ArgoTemplate,
  ValueFrom as ArgoValueFrom,
  WorkflowSpec as ArgoWorkflowSpec,
  WorkflowStep as ArgoWorkflowStep,
} from "../argo/types.gen.js";

/** A plugin template's body: the plugin's name as the only key, its free-form configuration as the value. */
export type ArgoPlugin = { readonly [pluginName: string]: unknown };
