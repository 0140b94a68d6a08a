/**
 * Errors of the cluster commands that are not cluster errors.
 */
import { WfcError } from "@wfc/sdk/internal";

/**
 * The workflow ended in `Failed` or `Error` while `--wait`/`--watch` waited (exit code 1).
 *
 * @example
 * ```ts
 * throw new WorkflowFailed("hello-x7k2p", "Failed", "child 'hello-x7k2p-123' failed");
 * ```
 */
export class WorkflowFailed extends WfcError {
  constructor(name: string, phase: string, message: string | undefined) {
    super(
      "E_WORKFLOW_FAILED",
      `workflow ${name} ${phase}${message ? `: ${message}` : ""} (see wfc get ${name} and wfc logs ${name})`,
    );
    this.name = "WorkflowFailed";
  }
}

/**
 * Bad input to a cluster command (exit code 1).
 *
 * @example
 * ```ts
 * throw new ClusterInputError("pipeline.yaml has no Workflow");
 * ```
 */
export class ClusterInputError extends WfcError {
  constructor(message: string) {
    super("E_CLUSTER_INPUT", message);
    this.name = "ClusterInputError";
  }
}
