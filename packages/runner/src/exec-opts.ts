import type { Template } from "@wfc/sdk/argo";

/** `executeTemplateOpts`, plus what the local scheduler carries down a branch. */
export interface ExecOpts {
  /** The boundary (DAG/Steps node id) the new node belongs to. */
  readonly boundaryID?: string;
  /** Part of an exit handler (runs even when the workflow is stopping). */
  readonly onExitTemplate?: boolean;
  readonly nodeFlag?: { hooked?: boolean; retried?: boolean };
  /** The DAG task or step that called the template (for mocks, `tasks.name`/`steps.name`, `outputs.result` capture). */
  readonly caller?: { readonly kind: "task" | "step"; readonly name: string };
  /** The template of the boundary (for `outputs.result` capture, `hasOutputResultRef`). */
  readonly parentTemplate?: Template;
  /** Deadline (clock ms) inherited from `backoff.maxDuration`. */
  readonly executionDeadline?: number;
}
