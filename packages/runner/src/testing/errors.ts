import { WfcError } from "@wfc/sdk";

/**
 * An error of the testing harness: a mock that cannot apply (a DAG template, a shape that does not
 * match the template's outputs), pods that would need a container engine none was given for, or a
 * lookup in a result that finds no node (or several, where one was asked for). `code` is stable.
 *
 * @example
 * ```ts
 * try { await runWorkflow(etl); } catch (e) { if (e instanceof HarnessError) console.error(e.code, e.message); }
 * ```
 */
export class HarnessError extends WfcError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = "HarnessError";
  }
}

/**
 * Stable codes of {@link HarnessError}.
 *
 * @example
 * ```ts
 * expect(() => run.node("nope")).toThrow(expect.objectContaining({ code: HarnessCodes.noNode }));
 * ```
 */
export const HarnessCodes = {
  /** Unmocked container pods and no `engine`: names the templates. */
  needsEngine: "E_TEST_NEEDS_ENGINE",
  /** `mock()` of something that is not a pod template (a DAG, steps, suspend...), or not a template at all. */
  badMock: "E_TEST_BAD_MOCK",
  /** A mock returned outputs that do not match the template's declarations. */
  badMockOutput: "E_TEST_BAD_MOCK_OUTPUT",
  /** `result.node(x)`: no node matches. */
  noNode: "E_TEST_NO_NODE",
  /** `result.node(x)`: several nodes match (use `result.nodesOf(x)`). */
  ambiguousNode: "E_TEST_AMBIGUOUS_NODE",
  /** A node has no such output (it did not succeed, or the output is optional and absent). */
  noOutput: "E_TEST_NO_OUTPUT",
  /** An output's value does not parse as its declared type. */
  badOutput: "E_TEST_BAD_OUTPUT",
} as const;
