import type { ArgoObjectMeta as ObjectMeta } from "../core/argo.js";
import { CompileError, type Diagnostic } from "../core/errors.js";
import { stringifyJson } from "../core/json.js";
import type { WorkflowKind } from "../core/kinds.js";
import { ARGO_API_VERSION } from "../core/kinds.js";
import type { WorkflowManifest } from "../core/manifest.js";
import type { TemplateModel, WorkflowModel } from "../core/model.js";
import { checkGenerateName, checkObjectName, checkParamName } from "../core/names.js";
import { semanticIssues } from "../validate/semantics.js";
import { checkSpecValues } from "./check-values.js";
import { collect, collectTemplatesIn, isTemplateModel } from "./collect.js";
import { Compilation, type Ctx } from "./compilation.js";
import { lowerIO } from "./lower-io.js";
import { lowerTemplate } from "./lower-template.js";
import { resolve } from "./resolve.js";

function lowerWorkflowSpec(c: Compilation): Record<string, unknown> {
  const wf = c.wf;
  if (wf.entrypoint) collect(c, wf.entrypoint);
  for (const t of wf.templates) collect(c, t);
  const specFields: Record<string, unknown> = { ...wf.spec };
  if (isTemplateModel(specFields.onExit)) collect(c, specFields.onExit);
  collectTemplatesIn(specFields, []);
  const extra: TemplateModel[] = [];
  collectTemplatesIn(specFields, extra);
  for (const t of extra) collect(c, t);

  const spec: Record<string, unknown> = {};
  if (wf.entrypoint)
    spec.entrypoint = wf.entrypoint.templateRef ? wf.entrypoint.templateRef.template : wf.entrypoint.name;
  const args = lowerIO({ parameters: wf.parameters, artifacts: wf.artifacts }, true);
  const ctx: Ctx = { wf, template: undefined, task: undefined, refs: [] };
  const rest = resolve(c, ctx, specFields, {}) as Record<string, unknown>;
  const rawEntrypoint = rest.entrypoint;
  if (typeof rawEntrypoint === "string") {
    spec.entrypoint = rawEntrypoint;
    delete rest.entrypoint;
  }
  if (args) spec.arguments = args;

  const templates: Record<string, unknown>[] = [];
  for (let i = 0; i < c.order.length; i++) {
    const t = c.order[i]!;
    const lowered = lowerTemplate(c, t);
    const prev = c.byName.get(t.name);
    if (prev) {
      // Only on a name collision: compare the two lowered templates.
      if (stringifyJson(prev.lowered) !== stringifyJson(lowered)) {
        c.report(
          "E_DUPLICATE_TEMPLATE",
          `two different templates are named "${t.name}" (the other is at ${prev.model.location ? `${prev.model.location.file}:${prev.model.location.line}` : "?"}); rename one`,
          { template: t.name, location: t.location },
        );
      }
      continue; // identical templates are emitted once
    }
    c.byName.set(t.name, { model: t, lowered });
    templates.push(lowered);
  }
  Object.assign(spec, rest);
  if (
    typeof spec.entrypoint === "string" &&
    !c.byName.has(spec.entrypoint) &&
    !wf.entrypoint?.templateRef &&
    !rest.workflowTemplateRef
  ) {
    c.report(
      "E_NO_ENTRYPOINT",
      `entrypoint "${spec.entrypoint}" is not a template of this workflow (templates: ${[...c.byName.keys()].join(", ") || "none"})`,
    );
  }
  if (typeof rest.onExit === "string" && !c.byName.has(rest.onExit)) {
    c.report("E_NO_TEMPLATE", `onExit "${rest.onExit}" is not a template of this workflow`);
  }
  if (wf.kind === "Workflow" && !spec.entrypoint && !rest.workflowTemplateRef) {
    c.report(
      "E_NO_ENTRYPOINT",
      "a Workflow needs an entrypoint: give a body, an `entrypoint` template, or a workflowTemplateRef",
    );
  }
  if (templates.length) spec.templates = templates;
  return spec;
}

/**
 * Compiles one workflow model (what the authoring API recorded) to its Argo manifest. Throws a
 * {@link CompileError} listing every problem (with workflow, template, task and the file:line of
 * the code that made it). The manifest then passes the semantic checks `wfc lint` makes
 * ({@link semanticIssues}), so build and lint agree.
 *
 * @internal
 */
export function compileModel(model: WorkflowModel): WorkflowManifest {
  const c = new Compilation(model);
  const { name, generateName } = model.metadata as { name?: string; generateName?: string };
  if (name) {
    const why = checkObjectName(name);
    if (why) c.report("E_BAD_NAME", `metadata.name ${why}`);
  } else if (generateName) {
    const why = checkGenerateName(generateName);
    if (why) c.report("E_BAD_NAME", why);
  }
  for (const p of model.parameters) {
    const why = checkParamName(p.name);
    if (why) c.report("E_BAD_NAME", `workflow parameter ${why}`);
  }
  const workflowSpec = lowerWorkflowSpec(c);
  let spec: Record<string, unknown> = workflowSpec;
  if (model.kind === "CronWorkflow") {
    const cron = resolve(
      c,
      { wf: model, template: undefined, task: undefined, refs: [] },
      model.cron ?? {},
      {},
    ) as Record<string, unknown>;
    spec = { ...cron, workflowSpec };
  }
  checkSpecValues(c, model.metadata as Record<string, unknown>, "metadata");
  checkSpecValues(c, spec, "spec");
  if (c.problems.length) throw new CompileError(dedupe(c.problems));
  const manifest = typedManifest(model.kind, { ...model.metadata }, spec);
  // What the model checks above cannot see (fields given through `extra`): the linter's checks.
  for (const issue of semanticIssues(manifest)) c.report(issue.code ?? "E_INVALID", `${issue.path}: ${issue.message}`);
  if (c.problems.length) throw new CompileError(c.problems);
  return manifest;
}

/**
 * The one place the lowered spec (built field by field as plain data) takes the generated type of
 * its kind: the lowering writes Argo's fields by name, and the CRD tests check the result.
 */
function typedManifest(kind: WorkflowKind, metadata: ObjectMeta, spec: Record<string, unknown>): WorkflowManifest {
  return { apiVersion: ARGO_API_VERSION, kind, metadata, spec } as WorkflowManifest;
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}|${d.message}|${d.task}|${d.template}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
