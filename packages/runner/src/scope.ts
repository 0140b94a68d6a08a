import type { Outputs, Parameter, Template } from "@wfc/sdk/argo";
import type { NodeTree, RunNode } from "./node-tree.js";
import { rfc3339 } from "./rfc3339.js";
import type { RunState } from "./run-state.js";
import { strftimeAll } from "./strftime.js";
import type { Scope } from "./subst.js";

/** `setGlobalParameters`: the `workflow.*` variables, from the workflow and its (resolved) arguments. */
export function setGlobalParameters(run: RunState, params: readonly Parameter[]): void {
  const g = run.global;
  const wf = run.wf;
  g["workflow.name"] = run.name;
  g["workflow.namespace"] = run.namespace;
  g["workflow.mainEntrypoint"] = run.spec.entrypoint ?? "";
  g["workflow.serviceAccountName"] = run.spec.serviceAccountName ?? "";
  g["workflow.uid"] = wf.metadata.uid ?? "";
  const created = Date.parse(wf.metadata.creationTimestamp ?? rfc3339(run.startedAt));
  g["workflow.creationTimestamp"] = rfc3339(created);
  for (const [c, v] of Object.entries(strftimeAll(new Date(created)))) g[`workflow.creationTimestamp.${c}`] = v;
  g["workflow.creationTimestamp.s"] = String(Math.floor(created / 1000));
  g["workflow.creationTimestamp.RFC3339"] = rfc3339(created);
  if (run.spec.priority !== undefined) g["workflow.priority"] = String(run.spec.priority);
  const scheduled = wf.metadata.annotations?.["workflows.argoproj.io/scheduled-time"];
  if (scheduled) g["workflow.scheduledTime"] = scheduled;
  const all = JSON.stringify(params.map(goParam));
  g["workflow.parameters"] = all;
  g["workflow.parameters.json"] = all;
  for (const p of params) if (p.value !== undefined) g[`workflow.parameters.${p.name}`] = p.value;
  const annotations = { ...(wf.metadata.annotations ?? {}), ...(run.spec.workflowMetadata?.annotations ?? {}) };
  const labels = { ...(wf.metadata.labels ?? {}), ...(run.spec.workflowMetadata?.labels ?? {}) };
  g["workflow.annotations"] = JSON.stringify(wf.metadata.annotations ?? {});
  g["workflow.annotations.json"] = g["workflow.annotations"];
  for (const [k, v] of Object.entries(annotations)) g[`workflow.annotations.${k}`] = v;
  g["workflow.labels"] = JSON.stringify(wf.metadata.labels ?? {});
  g["workflow.labels.json"] = g["workflow.labels"];
  for (const [k, v] of Object.entries(labels)) g[`workflow.labels.${k}`] = v;
}

/** A parameter as Go's json.Marshal prints it (field order of wfv1.Parameter). */
function goParam(p: Parameter): Record<string, unknown> {
  const o: Record<string, unknown> = { name: p.name };
  if (p.default !== undefined) o.default = p.default;
  if (p.value !== undefined) o.value = p.value;
  if (p.valueFrom !== undefined) o.valueFrom = p.valueFrom;
  if (p.enum !== undefined) o.enum = p.enum;
  if (p.globalName !== undefined) o.globalName = p.globalName;
  if (p.description !== undefined) o.description = p.description;
  return o;
}

/** `buildLocalScope`: `<prefix>.<name>.id/startedAt/finishedAt/status/outputs...` of a node (a Retry node's last attempt). */
export function addNodeToScope(
  scope: Scope,
  tree: NodeTree,
  prefix: "tasks" | "steps",
  name: string,
  node: RunNode,
): void {
  const n = tree.lastRetryChild(node) ?? node;
  const k = `${prefix}.${name}`;
  if (n.id) scope[`${k}.id`] = n.id;
  if (n.startedAt) scope[`${k}.startedAt`] = n.startedAt;
  if (n.finishedAt) scope[`${k}.finishedAt`] = n.finishedAt;
  if (n.podIP) scope[`${k}.ip`] = n.podIP;
  if (n.phase) scope[`${k}.status`] = n.phase;
  if (n.hostNodeName) scope[`${k}.hostNodeName`] = n.hostNodeName;
  addOutputsToScope(scope, k, n.outputs);
}

export function addOutputsToScope(scope: Scope, k: string, outputs: Outputs | undefined): void {
  if (!outputs) return;
  if (outputs.result !== undefined) scope[`${k}.outputs.result`] = outputs.result;
  if (outputs.exitCode !== undefined) scope[`${k}.exitCode`] = outputs.exitCode;
  for (const p of outputs.parameters ?? [])
    if (p.value !== undefined) scope[`${k}.outputs.parameters.${p.name}`] = p.value;
  for (const a of outputs.artifacts ?? []) scope[`${k}.outputs.artifacts.${a.name}`] = a;
}

/** `addWorkflowOutputsToLocalScope`. */
export function addWorkflowOutputs(scope: Scope, outputs: Outputs): void {
  for (const p of outputs.parameters ?? [])
    if (p.value !== undefined) scope[`workflow.outputs.parameters.${p.name}`] = p.value;
  for (const a of outputs.artifacts ?? []) scope[`workflow.outputs.artifacts.${a.name}`] = a;
}

function loopIndex(name: string): number {
  const last = name.split("(").pop() ?? "";
  return Number.parseInt(last.split(":")[0] ?? "", 10);
}

/** `processAggregateNodeOutputs`: the outputs of a loop's children as JSON lists. */
export function addAggregateToScope(scope: Scope, prefix: "tasks" | "steps", name: string, children: RunNode[]): void {
  if (children.length === 0) return;
  const nodes = children
    .filter((c) => !c.nodeFlag?.hooked && !c.nodeFlag?.retried)
    .sort((a, b) => loopIndex(a.name) - loopIndex(b.name));
  const paramList: Record<string, string>[] = [];
  const byName = new Map<string, string[]>();
  const results: unknown[] = [];
  for (const n of nodes) {
    if (!n.outputs || n.phase !== "Succeeded") continue;
    if (n.outputs.parameters?.length) {
      const o: Record<string, string> = {};
      for (const p of n.outputs.parameters) {
        o[p.name] = p.value ?? "";
        const l = byName.get(p.name) ?? [];
        l.push(p.value ?? "");
        byName.set(p.name, l);
      }
      paramList.push(o);
    }
    if (n.outputs.result !== undefined) results.push(parseItem(n.outputs.result));
  }
  const k = `${prefix}.${name}`;
  scope[`${k}.outputs.result`] = JSON.stringify(results);
  scope[`${k}.outputs.parameters`] = JSON.stringify(paramList);
  for (const [p, values] of byName) scope[`${k}.outputs.parameters.${p}`] = aggregatedList(values);
}

/** `json.Unmarshal` into a wfv1.Item: JSON when it parses, the string otherwise. */
function parseItem(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/** `aggregatedJSONValueList`: a list of objects/lists when every value is one, a list of strings otherwise. */
function aggregatedList(values: string[]): string {
  const parsed: unknown[] = [];
  for (const v of values) {
    try {
      const x: unknown = JSON.parse(v);
      if (x === null || typeof x !== "object") return JSON.stringify(values);
      parsed.push(x);
    } catch {
      return JSON.stringify(values);
    }
  }
  return JSON.stringify(parsed);
}

/**
 * `addSkippedNodeOutputsToScope`: a Skipped/Omitted node produced no outputs; its template's declared
 * output parameters become their `valueFrom.default`, or `null` (an absent optional: `?? fallback`
 * in expressions; an argument that is only that reference leaves the input to its default).
 */
export function addSkippedOutputsToScope(
  scope: Scope,
  prefix: "tasks" | "steps",
  name: string,
  node: RunNode,
  tmpl: Template | undefined,
  includeArtifacts: boolean,
): void {
  if (!tmpl || node.outputs || (node.phase !== "Skipped" && node.phase !== "Omitted")) return;
  const k = `${prefix}.${name}`;
  for (const p of tmpl.outputs?.parameters ?? []) {
    scope[`${k}.outputs.parameters.${p.name}`] = p.valueFrom?.default !== undefined ? p.valueFrom.default : null;
  }
  if (includeArtifacts) for (const a of tmpl.outputs?.artifacts ?? []) scope[`${k}.outputs.artifacts.${a.name}`] = {};
  if (tmpl.outputs?.result !== undefined) scope[`${k}.outputs.result`] = null;
}
