/**
 * The run's own objects in its {@link ObjectStore}: the Workflow (so `setOwnerReference` points at
 * a real uid) and one Pod per pod node, with the labels and annotations workflowpod.go gives a
 * pod (`workflows.argoproj.io/workflow`, `.../completed`, `.../node-name`, `.../node-id`) and
 * `status.phase` kept up to date, so `kubectl patch pod {{pod.name}}` and conditions on pods work.
 */
import type { RunState } from "../run-state.js";
import type { K8sObject } from "./object-store.js";

const WF = "workflows.argoproj.io";

/** The run's Workflow as the store holds it (metadata and spec; no status). */
export function registerWorkflow(run: RunState): void {
  const store = run.resources;
  if (!store) return;
  const { metadata, spec, apiVersion, kind } = run.wf;
  store.upsert({
    apiVersion: apiVersion ?? "argoproj.io/v1alpha1",
    kind: kind ?? "Workflow",
    metadata: structuredClone({ ...metadata, namespace: run.namespace }) as K8sObject["metadata"],
    spec: structuredClone(spec) as unknown,
  });
}

/** `metav1.NewControllerRef(wf, Workflow)`: the owner reference Argo adds for `setOwnerReference`. */
export function workflowOwnerRef(run: RunState): Record<string, unknown> {
  const wf = run.resources?.get({ type: "Workflow", group: "argoproj.io", name: run.name, namespace: run.namespace });
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Workflow",
    name: run.name,
    uid: wf?.metadata?.uid ?? run.wf.metadata.uid ?? "",
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Adds or updates the Pod object of a pod node (`phase`: the pod's phase now). */
export function registerPod(
  run: RunState,
  pod: { name: string; nodeName: string; nodeId: string; onExit?: boolean },
  phase: "Pending" | "Running" | "Succeeded" | "Failed",
): void {
  const store = run.resources;
  if (!store) return;
  const done = phase === "Succeeded" || phase === "Failed";
  const ref = { type: "Pod", group: "", name: pod.name, namespace: run.namespace };
  let existing: K8sObject | undefined;
  try {
    existing = store.get(ref);
  } catch {
    existing = undefined;
  }
  if (existing) {
    // keep what templates patched in; the controller only moves the phase and the completed label
    existing.status = { ...(existing.status as object | undefined), phase };
    if (done)
      existing.metadata = {
        ...existing.metadata,
        labels: { ...existing.metadata?.labels, [`${WF}/completed`]: "true" },
      };
    store.upsert(existing);
    return;
  }
  store.upsert({
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: pod.name,
      namespace: run.namespace,
      labels: {
        [`${WF}/workflow`]: run.name,
        [`${WF}/completed`]: done ? "true" : "false",
        ...(pod.onExit ? { [`${WF}/on-exit`]: "true" } : {}),
      },
      annotations: { [`${WF}/node-name`]: pod.nodeName, [`${WF}/node-id`]: pod.nodeId },
      ownerReferences: [workflowOwnerRef(run)],
    },
    spec: { restartPolicy: "Never" },
    status: { phase },
  });
}
