// The names the @example blocks of the public entries use without defining them: a workflow,
// a few templates, tasks and references. Declarations only: the examples are type-checked, not run
// (test/style/doc-examples.test.ts).
import type {
  Artifact,
  CompileError,
  Decls,
  Diagnostic,
  KubernetesObject,
  Manifest,
  Ref,
  Task,
  Template,
  WorkflowObject,
} from "@wfc/sdk";

type Msg = { msg: string };
type Leaf = Template<{}, {}, string>;

export declare const wf: WorkflowObject;
export declare const myWorkflow: WorkflowObject;
export declare const etl: WorkflowObject;
export declare const nightly: WorkflowObject<Decls, "CronWorkflow">;
export declare const ci: WorkflowObject;
export declare const ciTemplate: WorkflowObject;
export declare const pipeline: WorkflowObject;

export declare const hello: Template<Msg>;
export declare const say: Template<Msg>;
export declare const echo: Template<Msg>;
export declare const printMessage: Template<{ message: string }>;
export declare const notify: Leaf;
export declare const cleanup: Leaf;
export declare const celebrate: Leaf;
export declare const report: Leaf;
export declare const heads: Leaf;
export declare const tails: Leaf;
export declare const big: Leaf;
export declare const setup: Leaf;
export declare const clean: Template<{ part: string }>;
export declare const backup: Leaf;
export declare const work: Leaf;
export declare const load: Template<{ rows: Artifact }>;
export declare const extract: Template<{}, { data: Artifact }>;
export declare const transform: Template<{ data: Artifact }, { rows: Artifact }>;
export declare const tick: Leaf;
export declare const goodbye: Leaf;
export declare const shard: Template<{ index: string }>;
export declare const test: Template<{ os: string; version: number }>;
export declare const handle: Template<{ name: string }>;
export declare const gen: Template<{}, { n: number; label: string }, string[]>;
export declare const add: Template<{ a: number }>;
export declare const produce: Template<{}, { data: Artifact }>;
export declare const consume: Template<{ data: Artifact }>;
export declare const randomNumber: Template<{}, {}, number>;
export declare const plusOne: Template<{ x: number }, {}, number>;

export declare const flip: Task<{}, string>;
export declare const train: Task;
export declare const fallback: Task;
export declare const a: Task;
export declare const b: Task;
export declare const n: Task<{}, number>;

export declare const value: unknown;
export declare const shouldPrint: Ref<boolean>;
export declare const mode: Ref<string>;
export declare const config: Ref<string>;
export declare const text: string;
export declare const golden: string;
export declare const m: Manifest;
export declare const compiled: Manifest[];
export declare const manifests: KubernetesObject[];
export declare const docs: unknown[];
export declare const configMapManifest: KubernetesObject;
export declare const err: CompileError;
export declare const d: Diagnostic;
export declare const moduleExports: Record<string, unknown>;
export declare const expect: typeof import("vitest").expect;
