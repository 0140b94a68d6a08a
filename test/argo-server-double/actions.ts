/**
 * The Argo Server double's action endpoints (`PUT /api/v1/workflows/{ns}/{name}/{action}` and the
 * CronWorkflow suspend/resume), applied to the shared store as the Argo Server applies them. Retry
 * and resubmit use the client's port of Argo's `workflow/util` (tested on its own, against Argo's
 * behaviour, in packages/client/src/operations/*.test.ts).
 */
import { formulateResubmit } from "../../packages/client/src/operations/resubmit.js";
import { formulateRetry } from "../../packages/client/src/operations/retry.js";
import type { Workflow } from "../../packages/client/src/types.js";
import { type Obj, type Store, StoreError } from "../k8s-double/store.js";

const completed = (wf: Obj): boolean => ["Succeeded", "Failed", "Error"].includes(wf.status?.phase);

/** Applies `action` to the object and returns what the Argo Server returns (the workflow). */
export function workflowAction(store: Store, plural: string, ns: string, name: string, action: string, body: Obj): Obj {
  const wf = store.get(plural, ns, name);
  if (plural === "cronworkflows") {
    if (action !== "suspend" && action !== "resume") throw new StoreError(404, "NotFound", "Not Found");
    return store.update(plural, ns, name, { ...wf, spec: { ...wf.spec, suspend: action === "suspend" } });
  }
  if (plural !== "workflows") throw new StoreError(404, "NotFound", "Not Found");
  switch (action) {
    case "stop":
    case "terminate":
      if (completed(wf))
        throw new StoreError(
          409,
          "Conflict",
          `cannot shutdown a completed workflow: workflow: "${name}", namespace: "${ns}"`,
        );
      return store.update(plural, ns, name, {
        ...wf,
        spec: { ...wf.spec, shutdown: action === "stop" ? "Stop" : "Terminate" },
      });
    case "suspend":
      if (completed(wf)) throw new StoreError(400, "BadRequest", "cannot suspend completed workflows");
      return store.update(plural, ns, name, { ...wf, spec: { ...wf.spec, suspend: true } });
    case "resume": {
      const { suspend: _s, ...spec } = wf.spec ?? {};
      const nodes = { ...wf.status?.nodes };
      for (const [id, n] of Object.entries(nodes) as [string, Obj][])
        if (n.type === "Suspend" && n.phase === "Running") nodes[id] = { ...n, phase: "Succeeded" };
      return store.update(plural, ns, name, { ...wf, spec, status: { ...wf.status, nodes } });
    }
    case "retry": {
      let plan: ReturnType<typeof formulateRetry>;
      try {
        plan = formulateRetry(wf as Workflow, {
          restartSuccessful: body.restartSuccessful === true,
          nodeFieldSelector: String(body.nodeFieldSelector ?? ""),
          parameters: (body.parameters as string[] | undefined) ?? [],
        });
      } catch (err) {
        throw new StoreError(400, "BadRequest", (err as Error).message);
      }
      for (const pod of plan.podsToDelete) {
        try {
          store.delete("pods", ns, pod);
        } catch {
          // already gone
        }
      }
      return store.update(plural, ns, name, plan.workflow as Obj);
    }
    case "resubmit": {
      let next: Workflow;
      try {
        next = formulateResubmit(wf as Workflow, {
          memoized: body.memoized === true,
          parameters: (body.parameters as string[] | undefined) ?? [],
        });
      } catch (err) {
        throw new StoreError(400, "BadRequest", (err as Error).message);
      }
      return store.create(plural, ns, next as Obj);
    }
    default:
      throw new StoreError(404, "NotFound", "Not Found");
  }
}
