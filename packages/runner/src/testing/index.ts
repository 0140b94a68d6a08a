/**
 * # @wfc/runner/testing
 *
 * Test pipelines like code, in milliseconds, without containers or a cluster: `runWorkflow`
 * compiles a wfc workflow and runs it with the local runner (Argo's semantics: DAG order,
 * `depends`, `when`, loops, retries, exit handlers), on a virtual clock, with **mocks** answering
 * pods. Works from vitest, `node:test` or jest with ES modules (it is an ordinary async function).
 *
 * ## How a test refers to a task
 *
 * Tasks are made inside the workflow's body, which runs once when the module loads; their handles
 * are local variables of that body, so a test usually cannot hold them. The harness therefore
 * takes three kinds of key, for mocks and for `run.node()`:
 *
 * - **the template object** (`extract`, `transform`): what a module exports anyway. It carries the
 *   declared inputs and outputs, so mocks and node views are typed from it (a mock returning
 *   `{ rows: "3" }` for `rows: z.number()` does not compile; `run.node(transform).outputs.rows` is a
 *   `number`). `run.node(t)` wants the template's one call; `run.nodesOf(t)` gives every call and
 *   every loop iteration.
 * - **a task name** (`"load"`, `{ task: "load" }`): untyped (strings), for a template called by
 *   several tasks, or a task of hand-written YAML; `{ task: "load", template: load }` types it again.
 * - **a task handle**, when the test has one (a workflow built in the test, or a module that exports
 *   a handle): typed outputs, and it matches only that task of that DAG.
 *
 * Running the body again to get fresh handles was rejected: it would build a second workflow whose
 * tasks are not the ones compiled, and the types would be no better than the template's.
 *
 * A template object's name in the manifest is `template.templateName` (the compiler emits every
 * template under its own name and rejects two different templates with one name), so mocks find
 * their pods by it.
 *
 * @example
 * ```ts
 * import { fail, mock, runWorkflow } from "@wfc/runner/testing";
 * import etl, { extract, load, transform } from "./etl.js";
 *
 * const run = await runWorkflow(etl, {
 *   mocks: [
 *     mock(extract, { partitions: ["a", "b", "c"] }),
 *     mock(transform, (_in, { retry }) => (retry === 0 ? fail({ exitCode: 3 }) : { rows: 10 })),
 *     mock(load, {}),
 *   ],
 * });
 * expect(run.phase).toBe("Succeeded");
 * expect(run.nodesOf(transform).map((t) => t.attempts)).toEqual([2, 2, 2]);
 * ```
 *
 * @packageDocumentation
 */

export type { VirtualClock } from "../clock-virtual.js";
export { virtualClock } from "../clock-virtual.js";
export { HarnessCodes, HarnessError } from "./errors.js";
export type {
  FailOptions,
  Mock,
  MockAnswer,
  MockArtifactInput,
  MockArtifactOutput,
  MockContext,
  MockFailure,
  MockImpl,
  MockInputs,
  MockOutputs,
  UntypedMockOutputs,
  ValueOf,
} from "./mock.js";
export { fail, isFailure, mock } from "./mock.js";
export type { PodRecord } from "./mock-executor.js";
export type { NodeOutputs, NodePhase, NodeView, UntypedOutputs } from "./node-view.js";
export type {
  DeliveredEvent,
  EventsRun,
  MessageLike,
  RunEventsOptions,
  SentEvent,
  Triggered,
} from "./run-events.js";
export { runEvents, send } from "./run-events.js";
export type { TypedNode, WorkflowRun } from "./run-result.js";
export { runTemplate } from "./run-template.js";
export type { RunWorkflowOptions, WorkflowParameters } from "./run-workflow.js";
export { runWorkflow } from "./run-workflow.js";
export { synth } from "./synth.js";
