/**
 * The plain model of a workflow that the authoring API records and the compiler lowers. Objects
 * are frozen once the body that made them has run; nothing in here knows about YAML or Kubernetes.
 */

import type { ZodType } from "zod";
import type { DependsAst } from "./depends.js";
import type { Diagnostic, SourceLocation } from "./errors.js";
import type { TemplateKind, WorkflowKind } from "./kinds.js";

/** A declared input or output parameter. */
export interface ParamSpec {
  readonly name: string;
  /** The zod schema the value is checked against (at build time for literals). */
  readonly schema: ZodType | undefined;
  /** Argo's other Parameter fields (default, enum, description, value, valueFrom, globalName), already lowered. */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** A declared input or output artifact. */
export interface ArtifactSpec {
  readonly name: string;
  /** The key it is declared under, when `artifact({ name })` gives another Argo name. */
  readonly key?: string;
  /** Argo's other Artifact fields (path, from, s3, archive, optional, mode, ...). */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Declared inputs or outputs of a template. */
export interface IOSpec {
  readonly parameters: readonly ParamSpec[];
  readonly artifacts: readonly ArtifactSpec[];
}

/** A template: one entry of `spec.templates`. */
export interface TemplateModel {
  readonly id: number;
  readonly name: string;
  readonly kind: TemplateKind;
  readonly inputs: IOSpec;
  readonly outputs: IOSpec;
  /** Schema of `outputs.result` (container stdout or script return value), if the template has one. */
  readonly result: ZodType | undefined;
  /** The Argo fields of the template other than name/inputs/outputs/dag/steps, in emission order. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Tasks of a DAG template. */
  readonly tasks: readonly TaskModel[] | undefined;
  /** Step groups of a steps template. */
  readonly steps: readonly (readonly TaskModel[])[] | undefined;
  /** Options of a DAG template's body. */
  readonly dag: DagOptions | undefined;
  /** For templates that live elsewhere (a WorkflowTemplate): how a task refers to them. */
  readonly templateRef: Readonly<{ name: string; template: string; clusterScope?: boolean }> | undefined;
  /** Problems recorded while the template's body ran (bad arguments, duplicate names...). */
  readonly problems: readonly Diagnostic[];
  /** Written inside the task that calls it (`inline:`), not in `spec.templates`. */
  readonly inline?: boolean;
  readonly location: SourceLocation | undefined;
}

/** Options of a DAG body. */
export interface DagOptions {
  /** How dependencies are written: `depends` expressions or `dependencies` lists. */
  readonly dependencyStyle: "depends" | "dependencies";
  /** Other DAG fields (target, failFast). */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** A loop attached to a task. */
export type LoopSpec =
  | { readonly kind: "withItems"; readonly items: readonly unknown[] }
  | { readonly kind: "withParam"; readonly value: unknown }
  | { readonly kind: "withSequence"; readonly sequence: Readonly<Record<string, unknown>> };

/** A call of a template inside a DAG or steps body. */
export interface TaskModel {
  readonly name: string;
  /** Was the name given by the user (true) or derived from the template (false)? */
  readonly named: boolean;
  readonly template: TemplateModel;
  readonly scope: ScopeModel;
  readonly parameters: readonly (readonly [string, unknown])[];
  readonly artifacts: readonly (readonly [string, unknown])[];
  /** Explicit ordering: tasks that must run before this one. */
  readonly after: readonly TaskModel[];
  /** An explicit `depends` expression. */
  readonly depends: TaskDepends | undefined;
  readonly when: unknown;
  readonly loop: LoopSpec | undefined;
  /** The loop frame the task was created in (owner of its item references). */
  readonly loopOwner: object | undefined;
  /** Other DAGTask / WorkflowStep fields (continueOn, hooks, onExit, ...). */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly location: SourceLocation | undefined;
}

/** A DAG or steps body while (and after) it is recorded. */
export interface ScopeModel {
  readonly kind: "dag" | "steps";
  /** The template the body belongs to (set once the template exists). */
  template: TemplateModel | undefined;
  /** The workflow whose body this is, if any. */
  workflow: object | undefined;
  readonly tasks: TaskModel[];
  readonly groups: TaskModel[][];
  readonly names: Map<string, TaskModel>;
}

/** A typed `depends` expression over the tasks of one body. */
export type TaskDepends = DependsAst<TaskModel>;

export type { TemplateKind, WorkflowKind };

/** A workflow of any kind. */
export interface WorkflowModel {
  readonly kind: WorkflowKind;
  /** `metadata` of the manifest (name or generateName, namespace, labels, annotations). */
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Workflow parameters (`spec.arguments.parameters`). */
  readonly parameters: readonly ParamSpec[];
  /** Workflow artifacts (`spec.arguments.artifacts`). */
  readonly artifacts: readonly ArtifactSpec[];
  /** The entrypoint template, if any. */
  readonly entrypoint: TemplateModel | undefined;
  /** Templates listed explicitly in addition to those reachable from the entrypoint. */
  readonly templates: readonly TemplateModel[];
  /** Other `spec` fields, lowered (may contain template references for onExit, hooks). */
  readonly spec: Readonly<Record<string, unknown>>;
  /** CronWorkflow only: the cron fields of `spec` other than `workflowSpec`. */
  readonly cron: Readonly<Record<string, unknown>> | undefined;
  readonly location: SourceLocation | undefined;
}
