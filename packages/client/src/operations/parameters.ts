/**
 * `-p NAME=VALUE` overrides of a workflow's arguments, as Argo's retry and resubmit apply them.
 */
import type { Workflow } from "../types.js";
import { WfcError } from "../wfc-error.js";

type Param = { name: string; value?: string; [k: string]: unknown };

/**
 * Replaces (or adds) `spec.arguments.parameters` from `NAME=VALUE` strings, overridden ones first,
 * like Argo's `overrideParameters` (also in `status.storedWorkflowTemplateSpec`). Mutates `wf`.
 *
 * @example
 * ```ts
 * overrideParameters(wf, ["message=hi"]);
 * ```
 */
export function overrideParameters(wf: Workflow, parameters: readonly string[]): void {
  if (parameters.length === 0) return;
  const next: Param[] = [];
  const passed = new Set<string>();
  for (const p of parameters) {
    const eq = p.indexOf("=");
    if (eq < 0) throw new WfcError("E_PARAMETER", `expected parameter of the form NAME=VALUE, got "${p}"`);
    next.push({ name: p.slice(0, eq), value: p.slice(eq + 1) });
    passed.add(p.slice(0, eq));
  }
  const spec = wf.spec as { arguments?: { parameters?: Param[] } };
  for (const p of spec.arguments?.parameters ?? []) if (!passed.has(p.name)) next.push(p);
  spec.arguments = { ...spec.arguments, parameters: next };
  const stored = (wf.status as { storedWorkflowTemplateSpec?: { arguments?: { parameters?: Param[] } } } | undefined)
    ?.storedWorkflowTemplateSpec;
  if (stored) stored.arguments = { ...stored.arguments, parameters: next };
}
