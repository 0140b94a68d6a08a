/**
 * # wfc/testing
 *
 * The test harness (`@wfc/runner/testing`): `runWorkflow` and `runTemplate` run a workflow or one
 * template locally, with Argo's semantics, typed mocks and a virtual clock.
 *
 * @example
 * ```ts
 * import { mock, runWorkflow } from "wfc/testing";
 * import hello, { randomNumber } from "./hello.js";
 *
 * const run = await runWorkflow(hello, { mocks: [mock(randomNumber, { result: 7 })] });
 * ```
 *
 * @packageDocumentation
 */

export * from "@wfc/runner/testing";
