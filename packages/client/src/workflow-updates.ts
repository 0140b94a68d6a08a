/**
 * The states of one workflow, from the watch events of either mode: what
 * `WorkflowClient.watchWorkflow` yields.
 */

import type { ErrorContext } from "./error-mapping.js";
import { ClusterError } from "./errors.js";
import { resilientWatch, type WatchSource } from "./resilient-watch.js";
import type { Workflow } from "./types.js";
import type { WatchWorkflowOptions } from "./workflow-client.js";

/**
 * Turns watch events of one workflow into a stream of its states; ends with `NotFound` if the workflow
 * does not exist or is deleted.
 *
 * @internal
 * @example
 * ```ts
 * for await (const wf of workflowUpdates("hello-x7k2p", source, {}, ctx)) console.log(wf.status?.phase);
 * ```
 */
export async function* workflowUpdates(
  name: string,
  source: WatchSource<Workflow>,
  options: WatchWorkflowOptions,
  ctx: ErrorContext,
): AsyncGenerator<Workflow> {
  const checked: WatchSource<Workflow> = {
    list: async (signal) => {
      const out = await source.list(signal);
      if (!out.items.some((w) => w.metadata?.name === name)) {
        throw new ClusterError(
          "NotFound",
          `${ctx.action}: NotFound (404): workflow "${name}" not found; check the name (wfc list)`,
          {
            status: 404,
          },
        );
      }
      return out;
    },
    watch: (rv, signal, onEvent) => source.watch(rv, signal, onEvent),
  };
  for await (const ev of resilientWatch(checked, options)) {
    if (ev.object.metadata?.name !== name) continue;
    if (ev.type === "DELETED") {
      throw new ClusterError("NotFound", `${ctx.action}: the workflow was deleted while it was being watched`, {
        status: 404,
      });
    }
    yield ev.object;
  }
}
