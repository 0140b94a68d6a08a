/**
 * Pod names of workflow nodes, computed the way the Argo controller names them
 * (`POD_NAMES=v2`, the default since Argo 3.2).
 */
import type { NodeStatus } from "./types.js";

const MAX_NAME = 253;
const HASH_LEN = 10;

function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(s, "utf8")) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Pod name for a node: `<workflow>-<template>-<fnv32a(node name)>`.
 *
 * @example
 * ```ts
 * podName("hello-abc12", "hello-abc12.a", "echo") // "hello-abc12-echo-1234567890"
 * ```
 */
export function podName(workflowName: string, nodeName: string, templateName: string): string {
  if (workflowName === nodeName) return workflowName;
  let prefix = nodeName.includes(".inline") ? workflowName : `${workflowName}-${templateName}`;
  const maxPrefix = MAX_NAME - HASH_LEN - 1;
  if (prefix.length > maxPrefix) prefix = prefix.slice(0, maxPrefix);
  return `${prefix}-${fnv32a(nodeName)}`;
}

/**
 * Pod name of a `Pod` node of a workflow, or `undefined` for other node types.
 *
 * @example
 * ```ts
 * for (const n of Object.values(wf.status?.nodes ?? {})) console.log(podNameForNode(wf.metadata!.name!, n));
 * ```
 */
export function podNameForNode(workflowName: string, node: NodeStatus): string | undefined {
  if (node.type !== "Pod") return undefined;
  const template = node.templateName ?? node.templateRef?.template ?? "";
  return podName(workflowName, node.name, template);
}
