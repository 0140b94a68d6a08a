/**
 * Operating running workflows, as `argo stop|terminate|suspend|resume|retry|resubmit` do. In Argo
 * Server mode each is one `PUT /api/v1/workflows/{ns}/{name}/{action}`; in Kubernetes mode the
 * client does what Argo's `workflow/util` does: a merge patch of `spec.shutdown`, or a read,
 * a change computed here, and an update (retried on a conflict).
 */
import { ClusterError } from "../errors.js";
import { isCompleted, type NodeStatus, type Workflow } from "../types.js";
import type { WorkflowClient } from "../workflow-client.js";
import { nodeMatches, parseFieldSelector } from "./field-selector.js";
import { argoActionPath, kubePath, podPath } from "./paths.js";
import { formulateResubmit, type ResubmitOptions } from "./resubmit.js";
import { formulateRetry, type RetryOptions, WorkflowActionError } from "./retry.js";

/**
 * Options of {@link stopWorkflow}.
 *
 * @example
 * ```ts
 * await stopWorkflow(client, "etl-abc", { nodeFieldSelector: "displayName=approve", message: "rejected" });
 * ```
 */
export interface StopOptions {
  /** Stop only the suspended nodes this selector matches (they fail). @default "" (the whole workflow) */
  readonly nodeFieldSelector?: string;
  /** Message for the stopped nodes. @default "" */
  readonly message?: string;
}

/**
 * Options of {@link resumeWorkflow}.
 *
 * @example
 * ```ts
 * await resumeWorkflow(client, "etl-abc", { nodeFieldSelector: "displayName=approve" });
 * ```
 */
export interface ResumeOptions {
  /** Resume only the suspended nodes this selector matches. @default "" (the workflow and every suspended node) */
  readonly nodeFieldSelector?: string;
}

/**
 * What a retry did (Kubernetes mode also reports the pods it deleted).
 *
 * @example
 * ```ts
 * const { workflow, podsDeleted } = await retryWorkflow(client, "etl-abc");
 * ```
 */
export interface RetryResult {
  readonly workflow: Workflow;
  /** Pods deleted before the update (empty in Argo Server mode, where the server deletes them). */
  readonly podsDeleted: readonly string[];
}

const CONFLICT_RETRIES = 5;

/**
 * Argo keeps big node maps compressed (`status.compressedNodes`) or offloaded to its database
 * (`status.offloadNodeStatusVersion`); only the Argo Server can read them back, so an action that
 * rewrites nodes is refused in Kubernetes mode rather than computed on an empty map.
 */
function requireNodes(wf: Workflow, name: string, action: string): void {
  const s = wf.status as { compressedNodes?: string; offloadNodeStatusVersion?: string } | undefined;
  if (s?.compressedNodes || s?.offloadNodeStatusVersion)
    throw new WorkflowActionError(
      `cannot ${action} Workflow "${name}" through the Kubernetes API: its node status is ${s.compressedNodes ? "compressed" : "offloaded to Argo's database"}; use --argo-server`,
    );
}

function where(client: WorkflowClient, name: string): string {
  return `Workflow "${name}" in namespace "${client.namespace}"`;
}

/** Runs `fn` again when the update hit a conflict (someone else changed the workflow). */
async function onConflictRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i < CONFLICT_RETRIES && err instanceof ClusterError && err.code === "Conflict") continue;
      throw err;
    }
  }
}

function argoAction<T>(
  client: WorkflowClient,
  name: string,
  action: string,
  body: Record<string, unknown>,
  doing: string,
): Promise<T> {
  const ns = client.namespace;
  return client.raw<T>({
    method: "PUT",
    path: argoActionPath("workflows", ns, name, action),
    body: { name, namespace: ns, ...body },
    action: `${doing} ${where(client, name)}`,
    permission: `update workflows.argoproj.io`,
    namespace: ns,
    // the workflow acted on (a resubmit answers with the new one); the Argo Server leaves out kind
    expect: { shape: "object", kind: "Workflow", kindOptional: true, ...(action === "resubmit" ? {} : { name }) },
  });
}

async function shutdown(client: WorkflowClient, name: string, strategy: "Stop" | "Terminate"): Promise<Workflow> {
  const ns = client.namespace;
  const wf = await client.get<Workflow>("Workflow", name);
  if (isCompleted(wf.status?.phase))
    throw new WorkflowActionError(
      `cannot ${strategy === "Stop" ? "stop" : "terminate"} ${where(client, name)}: it already ${wf.status?.phase === "Succeeded" ? "Succeeded" : `ended (${wf.status?.phase})`}`,
    );
  return client.raw<Workflow>({
    method: "PATCH",
    path: kubePath("workflows", ns, name),
    body: { spec: { shutdown: strategy } },
    contentType: "application/merge-patch+json",
    action: `${strategy === "Stop" ? "stopping" : "terminating"} ${where(client, name)}`,
    permission: "patch workflows.argoproj.io",
    namespace: ns,
    expect: { shape: "object", kind: "Workflow", name },
  });
}

/**
 * Argo's `updateSuspendedNode`: sets the phase (and message) of the active suspend nodes the
 * selector matches; none matching is an error.
 */
async function updateSuspendedNodes(
  client: WorkflowClient,
  name: string,
  selector: string,
  phase: "Succeeded" | "Failed",
  message: string,
): Promise<Workflow> {
  const terms = parseFieldSelector(selector);
  return onConflictRetry(async () => {
    const wf = await client.get<Workflow>("Workflow", name);
    requireNodes(wf, name, phase === "Failed" ? "stop nodes of" : "resume nodes of");
    const nodes = (wf.status?.nodes ?? {}) as Record<string, NodeStatus>;
    let updated = false;
    for (const node of Object.values(nodes)) {
      if (node.type !== "Suspend" || node.phase !== "Running" || !nodeMatches(terms, node)) continue;
      node.phase = phase;
      node.finishedAt = new Date().toISOString().replace(/\.\d+Z$/, "Z");
      if (message) node.message = message;
      updated = true;
    }
    if (!updated)
      throw new WorkflowActionError(
        `${where(client, name)} has no suspended node matching --node-field-selector ${selector}`,
      );
    return client.update<Workflow>(wf);
  });
}

/**
 * Stops a workflow: `spec.shutdown: Stop` (running pods finish, exit handlers run), or fails the
 * suspended nodes a selector names.
 *
 * @example
 * ```ts
 * await stopWorkflow(client, "etl-abc");
 * ```
 */
export async function stopWorkflow(client: WorkflowClient, name: string, options: StopOptions = {}): Promise<Workflow> {
  const selector = options.nodeFieldSelector ?? "";
  if (client.mode === "argo-server")
    return argoAction(
      client,
      name,
      "stop",
      { nodeFieldSelector: selector, message: options.message ?? "" },
      "stopping",
    );
  if (selector) return updateSuspendedNodes(client, name, selector, "Failed", options.message ?? "");
  return shutdown(client, name, "Stop");
}

/**
 * Terminates a workflow: `spec.shutdown: Terminate` (pods are killed, exit handlers do not run).
 *
 * @example
 * ```ts
 * await terminateWorkflow(client, "etl-abc");
 * ```
 */
export async function terminateWorkflow(client: WorkflowClient, name: string): Promise<Workflow> {
  if (client.mode === "argo-server") return argoAction(client, name, "terminate", {}, "terminating");
  return shutdown(client, name, "Terminate");
}

/**
 * Suspends a workflow (`spec.suspend: true`); a completed one cannot be.
 *
 * @example
 * ```ts
 * await suspendWorkflow(client, "etl-abc");
 * ```
 */
export async function suspendWorkflow(client: WorkflowClient, name: string): Promise<Workflow> {
  if (client.mode === "argo-server") return argoAction(client, name, "suspend", {}, "suspending");
  return onConflictRetry(async () => {
    const wf = await client.get<Workflow>("Workflow", name);
    if (isCompleted(wf.status?.phase))
      throw new WorkflowActionError(`cannot suspend ${where(client, name)}: it is completed (${wf.status?.phase})`);
    if (wf.spec?.suspend === true) return wf;
    return client.update<Workflow>({ ...wf, spec: { ...wf.spec, suspend: true } } as Workflow);
  });
}

/**
 * Resumes a workflow: clears `spec.suspend` and marks every active suspend node Succeeded (output
 * parameters that were to be supplied take their defaults), or only the suspended nodes a selector names.
 *
 * @example
 * ```ts
 * await resumeWorkflow(client, "etl-abc");
 * ```
 */
export async function resumeWorkflow(
  client: WorkflowClient,
  name: string,
  options: ResumeOptions = {},
): Promise<Workflow> {
  const selector = options.nodeFieldSelector ?? "";
  if (client.mode === "argo-server")
    return argoAction(client, name, "resume", { nodeFieldSelector: selector }, "resuming");
  if (selector) return updateSuspendedNodes(client, name, selector, "Succeeded", "");
  return onConflictRetry(async () => {
    const wf = await client.get<Workflow>("Workflow", name);
    requireNodes(wf, name, "resume");
    let updated = false;
    const spec = { ...wf.spec } as Record<string, unknown>;
    if (spec.suspend === true) {
      delete spec.suspend;
      updated = true;
    }
    let uiMsg = "";
    for (const node of Object.values((wf.status?.nodes ?? {}) as Record<string, NodeStatus>)) {
      if (node.type !== "Suspend" || node.phase !== "Running") continue;
      for (const p of node.outputs?.parameters ?? []) {
        if (!p.valueFrom?.supplied) continue;
        if (p.valueFrom.default === undefined)
          throw new WorkflowActionError(
            `cannot resume ${where(client, name)}: output parameter "${p.name}" of node ${node.displayName ?? node.id} has not been set and has no default`,
          );
        p.value = p.valueFrom.default;
        delete p.valueFrom;
      }
      node.phase = "Succeeded";
      if (node.message) uiMsg = `${node.message}; ${uiMsg}`;
      if (uiMsg) node.message = uiMsg;
      else delete node.message;
      node.finishedAt = new Date().toISOString().replace(/\.\d+Z$/, "Z");
      updated = true;
    }
    if (!updated) return wf;
    return client.update<Workflow>({ ...wf, spec: spec as Workflow["spec"] });
  });
}

/**
 * Retries a failed workflow in place (see {@link formulateRetry}); in Kubernetes mode the pods of
 * the nodes to rerun are deleted first (already gone is fine), then the workflow is updated.
 *
 * @example
 * ```ts
 * await retryWorkflow(client, "etl-abc", { restartSuccessful: true, nodeFieldSelector: "templateName=load" });
 * ```
 */
export async function retryWorkflow(
  client: WorkflowClient,
  name: string,
  options: RetryOptions = {},
): Promise<RetryResult> {
  if (client.mode === "argo-server") {
    const workflow = await argoAction<Workflow>(
      client,
      name,
      "retry",
      {
        restartSuccessful: options.restartSuccessful ?? false,
        nodeFieldSelector: options.nodeFieldSelector ?? "",
        ...(options.parameters?.length ? { parameters: options.parameters } : {}),
      },
      "retrying",
    );
    return { workflow, podsDeleted: [] };
  }
  const ns = client.namespace;
  const wf = await client.get<Workflow>("Workflow", name);
  requireNodes(wf, name, "retry");
  const plan = formulateRetry(wf, options);
  const deleted: string[] = [];
  for (const pod of plan.podsToDelete) {
    try {
      await client.raw({
        method: "DELETE",
        path: podPath(ns, pod),
        action: `deleting pod "${pod}" of ${where(client, name)}`,
        permission: "delete pods",
        namespace: ns,
      });
      deleted.push(pod);
    } catch (err) {
      if (!(err instanceof ClusterError && err.code === "NotFound")) throw err;
    }
  }
  return { workflow: await client.update<Workflow>(plan.workflow), podsDeleted: deleted };
}

/**
 * Submits a workflow again as a new one (see {@link formulateResubmit}).
 *
 * @example
 * ```ts
 * const next = await resubmitWorkflow(client, "etl-abc", { memoized: true });
 * ```
 */
export async function resubmitWorkflow(
  client: WorkflowClient,
  name: string,
  options: ResubmitOptions = {},
): Promise<Workflow> {
  if (client.mode === "argo-server")
    return argoAction(
      client,
      name,
      "resubmit",
      {
        memoized: options.memoized ?? false,
        ...(options.parameters?.length ? { parameters: options.parameters } : {}),
      },
      "resubmitting",
    );
  const wf = await client.get<Workflow>("Workflow", name);
  if (options.memoized) requireNodes(wf, name, "resubmit --memoized");
  return client.create<Workflow>(formulateResubmit(wf, options));
}

/**
 * Suspends (`true`) or resumes (`false`) a CronWorkflow's schedule (`spec.suspend`).
 *
 * @example
 * ```ts
 * await setCronSuspended(client, "nightly", true);
 * ```
 */
export async function setCronSuspended(client: WorkflowClient, name: string, suspend: boolean): Promise<unknown> {
  const ns = client.namespace;
  if (client.mode === "argo-server")
    return client.raw({
      method: "PUT",
      path: argoActionPath("cron-workflows", ns, name, suspend ? "suspend" : "resume"),
      body: { name, namespace: ns },
      action: `${suspend ? "suspending" : "resuming"} CronWorkflow "${name}" in namespace "${ns}"`,
      permission: "update cronworkflows.argoproj.io",
      namespace: ns,
      expect: { shape: "object", kind: "CronWorkflow", kindOptional: true, name },
    });
  return onConflictRetry(async () => {
    const cron = await client.get("CronWorkflow", name);
    return client.update({ ...cron, spec: { ...(cron.spec as object), suspend } });
  });
}
