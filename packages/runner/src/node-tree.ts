import type { Inputs, NodeStatus, Outputs, TemplateRef } from "@wfc/sdk/argo";
import { nodeIdFor } from "./node-id.js";

/** Argo's node phases. */
export type NodePhase = "Pending" | "Running" | "Succeeded" | "Skipped" | "Failed" | "Error" | "Omitted";
/** Argo's node types. */
export type NodeType =
  | "Pod"
  | "Container"
  | "Steps"
  | "StepGroup"
  | "DAG"
  | "TaskGroup"
  | "Retry"
  | "Skipped"
  | "Suspend"
  | "HTTP"
  | "Plugin";

/** A node of `status.nodes`, as the scheduler holds it (Argo's NodeStatus, with a typed phase). */
export interface RunNode extends NodeStatus {
  phase: NodePhase;
  type: NodeType;
  children?: string[];
  /** Internal: set for hook/retry bookkeeping as Argo's nodeFlag. */
  nodeFlag?: { hooked?: boolean; retried?: boolean };
}

/** Whether a phase is final (`Fulfilled()` in Argo). */
export function fulfilled(phase: NodePhase | undefined): boolean {
  return phase === "Succeeded" || phase === "Failed" || phase === "Error" || phase === "Skipped" || phase === "Omitted";
}
/** Succeeded, Skipped, Failed or Error, and not Omitted... `Completed()` in Argo: fulfilled and not Omitted? (Argo: Succeeded/Failed/Error/Skipped). */
export function completed(phase: NodePhase | undefined): boolean {
  return phase === "Succeeded" || phase === "Failed" || phase === "Error" || phase === "Skipped";
}
export function failedOrError(phase: NodePhase | undefined): boolean {
  return phase === "Failed" || phase === "Error";
}

/** What a new node starts with. */
export interface NewNode {
  readonly type: NodeType;
  readonly phase: NodePhase;
  readonly boundaryID?: string;
  readonly templateName?: string;
  readonly templateRef?: TemplateRef;
  readonly templateScope?: string;
  readonly message?: string;
  readonly inputs?: Inputs;
  readonly nodeFlag?: { hooked?: boolean; retried?: boolean };
}

const separator = /^(\[\d+\])?\./;

/**
 * `status.nodes`, keyed by Argo's node ids, with Argo's bookkeeping: display names relative to the
 * boundary, children, timestamps on phase changes, outbound nodes. Every change is reported through
 * `onChange` (the scheduler coalesces those into `onUpdate` snapshots).
 */
export class NodeTree {
  readonly nodes = new Map<string, RunNode>();
  /** Insertion order of ids: the order nodes were created (execution order). */
  readonly order: string[] = [];
  private readonly listeners = new Map<string, Set<(node: RunNode) => void>>();
  constructor(
    readonly workflowName: string,
    private readonly now: () => string,
    private readonly onChange: (node: RunNode) => void,
  ) {}

  /** Calls `fn` whenever the node named `name` changes (created, phase, outputs); returns the unsubscribe. */
  watch(name: string, fn: (node: RunNode) => void): () => void {
    const id = this.id(name);
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
    };
  }

  private changed(node: RunNode): void {
    this.onChange(node);
    const set = this.listeners.get(node.id);
    if (set) for (const fn of [...set]) fn(node);
  }

  id(name: string): string {
    return nodeIdFor(this.workflowName, name);
  }
  byName(name: string): RunNode | undefined {
    return this.nodes.get(this.id(name));
  }
  get(id: string): RunNode | undefined {
    return this.nodes.get(id);
  }

  /** `initializeNode`: creates the node (an existing name is a bug of the scheduler). */
  init(name: string, n: NewNode): RunNode {
    const id = this.id(name);
    if (this.nodes.has(id)) throw new Error(`internal: node ${name} already initialized`);
    const boundary = n.boundaryID ? this.nodes.get(n.boundaryID) : undefined;
    let displayName = name;
    if (boundary) {
      displayName = name.startsWith(boundary.name) ? name.slice(boundary.name.length) : name;
      displayName = displayName.replace(separator, "");
    }
    const startedAt = this.now();
    const node: RunNode = {
      id,
      name,
      displayName,
      type: n.type,
      phase: n.phase,
      startedAt,
      ...(n.templateName ? { templateName: n.templateName } : {}),
      ...(n.templateRef ? { templateRef: n.templateRef } : {}),
      ...(n.templateScope ? { templateScope: n.templateScope } : {}),
      ...(n.boundaryID ? { boundaryID: n.boundaryID } : {}),
      ...(n.message ? { message: n.message } : {}),
      ...(n.inputs ? { inputs: n.inputs } : {}),
      ...(n.nodeFlag ? { nodeFlag: n.nodeFlag } : {}),
    };
    if (fulfilled(node.phase)) node.finishedAt = startedAt;
    this.nodes.set(id, node);
    this.order.push(id);
    this.changed(node);
    return node;
  }

  /** `addChildNode`: parent and child by name; no duplicates. */
  addChild(parentName: string, childName: string): void {
    const parent = this.byName(parentName);
    if (!parent) throw new Error(`internal: no node ${parentName}`);
    const childId = this.id(childName);
    const children = (parent.children ??= []);
    if (!children.includes(childId)) {
      children.push(childId);
      this.changed(parent);
    }
  }

  /** Undoes {@link addChild} for a child that was never created. */
  removeChild(parentName: string, childName: string): void {
    const parent = this.byName(parentName);
    const childId = this.id(childName);
    const i = parent?.children?.indexOf(childId) ?? -1;
    if (!parent?.children || i < 0) return;
    parent.children.splice(i, 1);
    if (!parent.children.length) delete parent.children;
    this.changed(parent);
  }

  /** `markNodePhase`: sets phase (and message when given), and finishedAt once fulfilled. */
  mark(node: RunNode, phase: NodePhase, message?: string): RunNode {
    node.phase = phase;
    if (message !== undefined) {
      if (message === "") delete node.message;
      else node.message = message;
    }
    if (fulfilled(phase) && !node.finishedAt) node.finishedAt = this.now();
    this.changed(node);
    return node;
  }

  setOutputs(node: RunNode, outputs: Outputs | undefined): void {
    if (outputs) node.outputs = outputs;
    else delete node.outputs;
    this.changed(node);
  }

  touch(node: RunNode): void {
    this.changed(node);
  }

  /** `getOutboundNodes`. */
  outbound(id: string): string[] {
    const node = this.nodes.get(id);
    if (!node) return [id];
    switch (node.type) {
      case "Skipped":
      case "Suspend":
      case "HTTP":
      case "Plugin":
        return [node.id];
      case "Pod":
      case "Container":
      case "TaskGroup": {
        // A containerSet pod is treated as its container graph; any other pod is its own outbound node.
        if (node.type === "Pod" && !node.children?.some((c) => this.nodes.get(c)?.type === "Container"))
          return [node.id];
        if (!node.children?.length) return [node.id];
        const out: string[] = [];
        for (const c of node.children) {
          const child = this.nodes.get(c);
          if (node.type === "Container" && child && child.boundaryID !== node.boundaryID) out.push(node.id);
          else out.push(...this.outbound(c));
        }
        return out;
      }
      case "Retry": {
        const last = node.children?.[node.children.length - 1];
        if (last) return [last];
        break;
      }
      default:
        break;
    }
    const out: string[] = [];
    for (const o of node.outboundNodes ?? []) out.push(...this.outbound(o));
    return out;
  }

  /** The last non-hook child of a Retry node (`possiblyGetRetryChildNode`). */
  lastRetryChild(node: RunNode): RunNode | undefined {
    if (node.type !== "Retry") return undefined;
    const ch = node.children ?? [];
    for (let i = ch.length - 1; i >= 0; i--) {
      const c = this.nodes.get(ch[i]!);
      if (c && !c.nodeFlag?.hooked) return c;
    }
    return undefined;
  }

  /** The nodes in Argo's JSON shape (internal fields dropped). */
  snapshot(): Record<string, NodeStatus> {
    const out: Record<string, NodeStatus> = {};
    for (const id of this.order) {
      const n = this.nodes.get(id)!;
      const { nodeFlag, ...rest } = n;
      const copy: NodeStatus = { ...rest, ...(n.children ? { children: [...n.children] } : {}) };
      if (nodeFlag && (nodeFlag.hooked || nodeFlag.retried)) copy.nodeFlag = { ...nodeFlag };
      out[id] = copy;
    }
    return out;
  }
}
