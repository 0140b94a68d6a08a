/**
 * A node of a finished run, as a test reads it: Argo's node status plus typed outputs (decoded by
 * the template's declarations), attempts, and its place in the order of events.
 */
import type { Artifact, NodeStatus } from "@wfc/sdk/argo";
import { HarnessCodes, HarnessError } from "./errors.js";
import type { TemplateInfo } from "./introspect.js";
import type { ArtifactKeys, ParamKeys } from "./mock.js";
import { decodeValue } from "./values.js";

/**
 * Argo's node phases.
 *
 * @example
 * ```ts
 * const p: NodePhase = run.node(load).phase; // "Succeeded"
 * ```
 */
export type NodePhase = "Pending" | "Running" | "Succeeded" | "Skipped" | "Failed" | "Error" | "Omitted";

/**
 * A node's outputs typed from its template's declarations: each output parameter decoded to its
 * declared type, each output artifact as Argo's Artifact (where the runner stored it).
 *
 * @example
 * ```ts
 * const rows: number = run.nodesOf(transform)[0]!.outputs.rows;
 * ```
 */
export type NodeOutputs<O> = { readonly [K in ParamKeys<O>]: O[K] } & {
  readonly [K in ArtifactKeys<O>]: Artifact;
};

/**
 * Outputs of a node looked up by name, with no template to type them: parameter values as Argo
 * holds them (strings).
 *
 * @example
 * ```ts
 * const rows: string | undefined = run.node("transform").outputs["rows"];
 * ```
 */
export type UntypedOutputs = { readonly [name: string]: string | undefined };

/**
 * A node of the run. `Out` is the type of `outputs` and `R` of `result`: typed when the node was
 * looked up by template or task handle, strings when by name.
 *
 * Reading an output the node does not have (it failed before producing it, or never ran) throws a
 * {@link HarnessError} `E_TEST_NO_OUTPUT` naming the node, so a typed output is never silently
 * `undefined`.
 *
 * @example
 * ```ts
 * const t = run.nodesOf(transform)[0]!;
 * expect(t.phase).toBe("Succeeded");
 * expect(t.outputs.rows).toBe(3);
 * ```
 */
export interface NodeView<Out = UntypedOutputs, R = string> {
  /** The node's id in `status.nodes`. */
  readonly id: string;
  /** Its full name, e.g. `etl-test.transform(1:b)`. */
  readonly name: string;
  /** Its name relative to its DAG or steps, e.g. `transform(1:b)`. */
  readonly displayName: string;
  readonly templateName: string | undefined;
  /** Argo's node type: Pod, Retry, DAG, Steps, Suspend, Skipped... */
  readonly type: string;
  readonly phase: NodePhase;
  readonly message: string | undefined;
  /** RFC 3339, as Argo writes it (on the run's clock: virtual by default). */
  readonly startedAt: string | undefined;
  readonly finishedAt: string | undefined;
  /** Pod attempts: the retries of a node with a retryStrategy plus one; 1 for a pod without; 0 when no pod ran. */
  readonly attempts: number;
  /** Output parameters (typed) and artifacts. */
  readonly outputs: Out;
  /** `outputs.result`: the pod's stdout, decoded by the template's `result` schema. */
  readonly result: R;
  /** `outputs.exitCode` of the (last) pod, when one ran. */
  readonly exitCode: number | undefined;
  /**
   * Positions in the run's sequence of events: where the node started and ended. Times on a
   * virtual clock often tie; these do not: `a.seq.end < b.seq.start` means a ended before b began.
   */
  readonly seq: { readonly start: number; readonly end: number | undefined };
  /** The pod's log lines (stdout and stderr, every attempt's), as `wfc run --logs` prints them. */
  readonly logs: readonly string[];
  /** The node as Argo's `status.nodes` holds it. */
  readonly status: NodeStatus;
}

/** Everything a view needs besides the node itself. */
export interface ViewContext {
  readonly template: TemplateInfo | undefined;
  /** Whether `result` is JSON (a node script's return value) when no schema is declared. */
  readonly jsonResult: boolean;
  readonly attempts: number;
  readonly stdout: string | undefined;
  readonly seq: { readonly start: number; readonly end: number | undefined };
  readonly logs: readonly string[];
}

function noOutput(node: NodeStatus, what: string): HarnessError {
  return new HarnessError(
    HarnessCodes.noOutput,
    `node ${node.name} (${node.phase ?? "?"}${node.message ? `: ${node.message}` : ""}) has no ${what}`,
  );
}

/** Makes the view of a node; outputs are decoded when read. */
export function nodeView(node: NodeStatus, ctx: ViewContext): NodeView<unknown, unknown> {
  const params = new Map((node.outputs?.parameters ?? []).map((p) => [p.name, p.value]));
  const arts = new Map((node.outputs?.artifacts ?? []).map((a) => [a.name, a]));
  const info = ctx.template;
  const outputs: Record<string, unknown> = {};
  if (info) {
    for (const p of info.outputs.parameters) {
      Object.defineProperty(outputs, p.name, {
        enumerable: true,
        get() {
          const text = params.get(p.name);
          if (text === undefined) throw noOutput(node, `output parameter "${p.name}"`);
          const d = decodeValue(text, p.schema);
          if (!d.ok)
            throw new HarnessError(
              HarnessCodes.badOutput,
              `output "${p.name}" of node ${node.name}: ${JSON.stringify(text)} is not a valid value: ${d.why}`,
            );
          return d.value;
        },
      });
    }
    for (const a of info.outputs.artifacts) {
      Object.defineProperty(outputs, a.key, {
        enumerable: true,
        get() {
          const art = arts.get(a.name);
          if (!art) throw noOutput(node, `output artifact "${a.name}"`);
          return art;
        },
      });
    }
  } else for (const [k, v] of params) outputs[k] = v;
  Object.freeze(outputs);
  const exitCode = node.outputs?.exitCode;
  const view = {
    id: node.id,
    name: node.name,
    displayName: node.displayName ?? node.name,
    templateName: node.templateName,
    type: node.type,
    phase: (node.phase ?? "Pending") as NodePhase,
    message: node.message || undefined,
    startedAt: node.startedAt,
    finishedAt: node.finishedAt,
    attempts: ctx.attempts,
    outputs,
    exitCode: exitCode === undefined ? undefined : Number(exitCode),
    seq: ctx.seq,
    logs: ctx.logs,
    status: node,
  };
  Object.defineProperty(view, "result", {
    enumerable: true,
    get() {
      const text = node.outputs?.result ?? ctx.stdout;
      if (text === undefined) throw noOutput(node, "result");
      // Looked up by name: untyped, the text as Argo holds it.
      if (!info || (!info.result && !ctx.jsonResult)) return text;
      const d = decodeValue(text, info.result);
      if (!d.ok)
        throw new HarnessError(
          HarnessCodes.badOutput,
          `result of node ${node.name}: ${JSON.stringify(text)} is not a valid value: ${d.why}`,
        );
      return d.value;
    },
  });
  return Object.freeze(view) as NodeView<unknown, unknown>;
}
