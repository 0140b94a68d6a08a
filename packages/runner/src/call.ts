import type { Template } from "@wfc/sdk/argo";
import type { ExecOpts } from "./exec-opts.js";
import type { RunNode } from "./node-tree.js";
import type { RunState } from "./run-state.js";
import type { TemplateContext, TemplateHolder } from "./template-resolution.js";

/** One call of a template, as {@link executeTemplate} resolved it. */
export interface Call {
  readonly run: RunState;
  readonly holder: TemplateHolder;
  /** The context the template's own references resolve in. */
  readonly ctx: TemplateContext;
  /** The context the holder was resolved in (node templateScope). */
  readonly callerCtx: TemplateContext;
  readonly opts: ExecOpts;
  /** The template before substitution. */
  readonly original: Template;
}

/** An error node where no template could run (`initializeNodeOrMarkError`). */
export function errorNode(
  run: RunState,
  nodeName: string,
  holder: TemplateHolder,
  ctx: TemplateContext,
  opts: ExecOpts,
  message: string,
): RunNode {
  const existing = run.tree.byName(nodeName);
  if (existing) return run.tree.mark(existing, "Error", message);
  return run.tree.init(nodeName, {
    type: "Skipped",
    phase: "Error",
    message,
    templateScope: ctx.scope,
    ...(holder.template ? { templateName: holder.template } : {}),
    ...(holder.templateRef ? { templateRef: holder.templateRef } : {}),
    ...(opts.boundaryID ? { boundaryID: opts.boundaryID } : {}),
    ...(opts.nodeFlag ? { nodeFlag: opts.nodeFlag } : {}),
  });
}

/** The common fields of a node created for a call. */
export function nodeBase(call: Call, opts: ExecOpts, tmpl: Template) {
  const h = call.holder;
  return {
    templateScope: call.callerCtx.scope,
    ...(h.template ? { templateName: h.template } : {}),
    ...(h.templateRef ? { templateRef: h.templateRef } : {}),
    ...(opts.boundaryID ? { boundaryID: opts.boundaryID } : {}),
    ...(opts.nodeFlag ? { nodeFlag: opts.nodeFlag } : {}),
    ...(tmpl.inputs && (tmpl.inputs.parameters?.length || tmpl.inputs.artifacts?.length)
      ? { inputs: structuredClone(tmpl.inputs) }
      : {}),
  };
}
