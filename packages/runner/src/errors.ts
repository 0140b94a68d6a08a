import { WfcError } from "@wfc/sdk";

/**
 * An error of the local runner: a manifest it cannot run on this machine (a `resource` template, an
 * unresolved `templateRef`), bad arguments, or a failure of the run itself. `code` is stable.
 *
 * @example
 * ```ts
 * try { await execute(wf, { executor }); } catch (e) { if (e instanceof RunnerError) console.error(e.code, e.message); }
 * ```
 */
export class RunnerError extends WfcError {
  /** Every problem found (validation reports them all at once; one entry otherwise). */
  readonly problems: readonly RunnerProblem[];
  constructor(code: string, message: string, problems?: readonly RunnerProblem[], options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = "RunnerError";
    this.problems = problems ?? [{ code, message }];
  }
}

/**
 * One problem found before a run starts.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof RunnerError) for (const p of e.problems) console.error(p.template, p.message, p.hint); }
 * ```
 */
export interface RunnerProblem {
  readonly code: string;
  readonly message: string;
  /** The template the problem is in. */
  readonly template?: string;
  /** The flag of `wfc run` that would help, e.g. `--templates`. */
  readonly hint?: string;
}

/**
 * Stable codes of {@link RunnerError}.
 *
 * @example
 * ```ts
 * if (e instanceof RunnerError && e.code === RunnerCodes.needsCluster) console.error("use wfc submit");
 * ```
 */
export const RunnerCodes = {
  needsCluster: "E_RUN_NEEDS_CLUSTER",
  unknownTemplate: "E_RUN_UNKNOWN_TEMPLATE",
  unresolvedRef: "E_RUN_UNRESOLVED_TEMPLATE_REF",
  badParameter: "E_RUN_BAD_PARAMETER",
  invalid: "E_RUN_INVALID_MANIFEST",
} as const;
