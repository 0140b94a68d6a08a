/**
 * Node ids and pod names exactly as Argo builds them (`wf.NodeID` in workflow_types.go and
 * `GeneratePodName` (v2) in workflow/util/pod_name.go): both hash the node's full name with FNV-1a 32.
 */

/** FNV-1a, 32 bits, of the UTF-8 bytes of `text` (Go's `hash/fnv` New32a). */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** `wf.NodeID(name)`: the workflow's name for the root node, `<workflow>-<fnv32a(name)>` otherwise. */
export function nodeIdFor(workflowName: string, nodeName: string): string {
  if (nodeName === workflowName) return workflowName;
  return `${workflowName}-${fnv32a(nodeName)}`;
}

const maxPrefixLength = 253 - 10;

/** Argo's v2 pod name: `<workflow>-<template>-<fnv32a(nodeName)>`, or the workflow's name for the root node. */
export function podNameFor(workflowName: string, nodeName: string, templateName: string): string {
  if (workflowName === nodeName) return workflowName;
  let prefix = templateName ? `${workflowName}-${templateName}` : workflowName;
  if (prefix.length > maxPrefixLength - 1) prefix = prefix.slice(0, maxPrefixLength - 1);
  return `${prefix}-${fnv32a(nodeName)}`;
}
