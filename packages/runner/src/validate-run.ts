import type { LifecycleHook, Template, WorkflowSpec } from "@wfc/sdk/argo";
import type { RunnerProblem } from "./errors.js";
import { RunnerCodes } from "./errors.js";
import type { TemplateContext, TemplateHolder, TemplateResolver } from "./template-resolution.js";
import { templateType } from "./template-resolution.js";

/**
 * Finds, before anything runs, what this machine cannot run: templates that need a cluster
 * (`resource`, `plugin`), `templateRef`s to templates nobody supplied, unknown template names.
 * Walks every template reachable from the entrypoint, `onExit` and hooks. One problem per template.
 */
export function preflight(
  spec: WorkflowSpec,
  root: TemplateContext,
  resolver: TemplateResolver,
  allow: { readonly resources?: boolean } = {},
): RunnerProblem[] {
  const problems: RunnerProblem[] = [];
  const seen = new Set<string>();
  const reported = new Set<string>();
  const report = (key: string, p: RunnerProblem) => {
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(p);
  };
  const visitHolder = (ctx: TemplateContext, h: TemplateHolder, where: string) => {
    if (!h.template && !h.templateRef && !h.inline) return;
    if (h.templateRef) {
      const ref = h.templateRef;
      const target = resolver.object(ref.name ?? "", ref.clusterScope === true);
      const kind = ref.clusterScope ? "clusterworkflowtemplate" : "workflowtemplate";
      if (!target) {
        report(`ref/${kind}/${ref.name}`, {
          code: RunnerCodes.unresolvedRef,
          message: `${where}: templateRef ${kind} "${ref.name}" (template "${ref.template}") was not supplied`,
          template: ref.template ?? "",
          hint: "--templates PATH",
        });
        return;
      }
      const t = target.templates.get(ref.template ?? "");
      if (!t) {
        report(`ref/${kind}/${ref.name}/${ref.template}`, {
          code: RunnerCodes.unknownTemplate,
          message: `${where}: template "${ref.template}" not found in ${kind} "${ref.name}"`,
          template: ref.template ?? "",
        });
        return;
      }
      visitTemplate(target, t);
      return;
    }
    if (h.inline) {
      visitTemplate(ctx, h.inline);
      return;
    }
    const t = ctx.templates.get(h.template ?? "");
    if (!t) {
      report(`name/${ctx.scope}/${h.template}`, {
        code: RunnerCodes.unknownTemplate,
        message: `${where}: template "${h.template}" not found`,
        template: h.template ?? "",
      });
      return;
    }
    visitTemplate(ctx, t);
  };
  const visitHooks = (
    ctx: TemplateContext,
    hooks: Readonly<Record<string, LifecycleHook>> | undefined,
    where: string,
  ) => {
    for (const [k, hk] of Object.entries(hooks ?? {})) visitHolder(ctx, hk, `${where} hook ${k}`);
  };
  const visitTemplate = (ctx: TemplateContext, t: Template) => {
    const key = `${ctx.scope}/${t.name ?? JSON.stringify(t).slice(0, 200)}`;
    if (seen.has(key)) return;
    seen.add(key);
    const kind = templateType(t);
    if (kind === "Resource" && !allow.resources) {
      report(`kind/${key}`, {
        code: RunnerCodes.needsCluster,
        message: `template "${t.name ?? "(inline)"}" is a resource template: it needs a cluster, or --resources memory to act on an in-memory object store`,
        template: t.name ?? "",
        hint: "--resources memory, or wfc submit",
      });
    }
    if (kind === "Plugin") {
      report(`kind/${key}`, {
        code: RunnerCodes.needsCluster,
        message: `template "${t.name ?? "(inline)"}" is a plugin template: it needs a cluster (run it with wfc submit)`,
        template: t.name ?? "",
        hint: "wfc submit (executor plugins run in the cluster)",
      });
    }
    // workflow/validate: `timeout` only on leaf templates, and a duration, not a bare number.
    if (t.timeout !== undefined && t.timeout !== "") {
      if (kind === "Steps" || kind === "DAG" || kind === "Suspend") {
        report(`timeout/${key}`, {
          code: RunnerCodes.invalid,
          message: `template "${t.name ?? ""}": ${kind} template doesn't support timeout field`,
          template: t.name ?? "",
        });
      } else if (/^-?\d+$/.test(String(t.timeout))) {
        report(`timeout/${key}`, {
          code: RunnerCodes.invalid,
          message: `template "${t.name ?? ""}": ${t.name ?? ""} has invalid duration format in timeout`,
          template: t.name ?? "",
        });
      }
    }
    for (const group of t.steps ?? []) {
      for (const s of group ?? []) {
        visitHolder(ctx, s, `template "${t.name}" step "${s.name}"`);
        visitHooks(ctx, s.hooks, `template "${t.name}" step "${s.name}"`);
        if (s.onExit) visitHolder(ctx, { template: s.onExit }, `template "${t.name}" step "${s.name}" onExit`);
      }
    }
    for (const task of t.dag?.tasks ?? []) {
      visitHolder(ctx, task, `template "${t.name}" task "${task.name}"`);
      visitHooks(ctx, task.hooks, `template "${t.name}" task "${task.name}"`);
      if (task.onExit) visitHolder(ctx, { template: task.onExit }, `template "${t.name}" task "${task.name}" onExit`);
    }
  };
  if (!spec.entrypoint) {
    problems.push({ code: RunnerCodes.invalid, message: "spec.entrypoint is required" });
  } else visitHolder(root, { template: spec.entrypoint }, "entrypoint");
  if (spec.onExit) visitHolder(root, { template: spec.onExit }, "onExit");
  visitHooks(root, spec.hooks, "workflow");
  return problems;
}
