/**
 * Node ids and pod names of a workflow, as Argo derives them from node names.
 */
import { podName } from "../pod-name.js";
import type { NodeStatus, Workflow } from "../types.js";
import { templateOfNode } from "./field-selector.js";

function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(s, "utf8")) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The id Argo gives the node `nodeName` of workflow `workflowName` (`Workflow.NodeID`).
 *
 * @example
 * ```ts
 * nodeId("hello", "hello") // "hello"
 * nodeId("hello", "hello.a") // "hello-<fnv32a of hello.a>"
 * ```
 */
export function nodeId(workflowName: string, nodeName: string): string {
  return nodeName === workflowName ? workflowName : `${workflowName}-${fnv32a(nodeName)}`;
}

/**
 * Pod name of a node (Argo's `GeneratePodName` with the workflow's `pod-name-format` annotation:
 * `v1` names pods by node id, `v2`, the default, by workflow, template and hash).
 *
 * @example
 * ```ts
 * podOfNode(wf, wf.status!.nodes!["hello-123"]!)
 * ```
 */
export function podOfNode(wf: Workflow, node: NodeStatus): string {
  const name = wf.metadata?.name ?? "";
  if (wf.metadata?.annotations?.["workflows.argoproj.io/pod-name-format"] === "v1") return node.id;
  return podName(name, node.name, templateOfNode(node));
}
