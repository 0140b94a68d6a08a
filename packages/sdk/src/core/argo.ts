/**
 * The Argo types the authoring API uses, under stable local names. They are generated from Argo's
 * schema by `scripts/gen-argo-types.mjs` (see `src/argo/types.gen.ts`); this file only picks and
 * renames.
 */
export type {
  Template as ArgoTemplate,
  Container as ArgoContainer,
  ScriptTemplate as ArgoScriptTemplate,
  DAGTask as ArgoDAGTask,
  WorkflowStep as ArgoWorkflowStep,
  WorkflowSpec as ArgoWorkflowSpec,
  CronWorkflowSpec as ArgoCronWorkflowSpec,
  Parameter as ArgoParameter,
  Artifact as ArgoArtifact,
  ValueFrom as ArgoValueFrom,
  ObjectMeta as ArgoObjectMeta,
  ResourceTemplate as ArgoResourceTemplate,
  SuspendTemplate as ArgoSuspendTemplate,
  HTTP as ArgoHTTP,
  Data as ArgoData,
  ContainerSetTemplate as ArgoContainerSetTemplate,
  DAGTemplate as ArgoDAGTemplate,
  Sequence as ArgoSequence,
  LifecycleHook as ArgoLifecycleHook,
  ContinueOn as ArgoContinueOn,
} from "../argo/types.gen.js";

/** A plugin template's body: the plugin's name as the only key, its free-form configuration as the value. */
export type ArgoPlugin = { readonly [pluginName: string]: unknown };
