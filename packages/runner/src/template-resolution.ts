import type { Template, TemplateRef, WorkflowSpec } from "@wfc/sdk/argo";
import { RunnerCodes, RunnerError } from "./errors.js";

/** Where template names resolve: the workflow itself, or a WorkflowTemplate/ClusterWorkflowTemplate a `templateRef` led to. */
export interface TemplateContext {
  /** `local/<workflow>`, `namespaced/<wftmpl>` or `cluster/<cwftmpl>` (Argo's `templateScope`). */
  readonly scope: string;
  readonly kind: "Workflow" | "WorkflowTemplate" | "ClusterWorkflowTemplate";
  readonly name: string;
  readonly templates: ReadonlyMap<string, Template>;
}

/** What refers to a template: a step, a DAG task, a hook, `onExit`, the entrypoint. */
export interface TemplateHolder {
  readonly name?: string;
  readonly template?: string;
  readonly templateRef?: TemplateRef;
  readonly inline?: Template;
}

/** A WorkflowTemplate or ClusterWorkflowTemplate given to the run (`--templates`). */
export interface TemplateObject {
  readonly kind: "WorkflowTemplate" | "ClusterWorkflowTemplate";
  readonly metadata: { readonly name?: string };
  readonly spec: WorkflowSpec;
}

/** Picks WorkflowTemplates/ClusterWorkflowTemplates out of `options.templates`. */
export function templateObjects(list: readonly unknown[] | undefined): TemplateObject[] {
  const out: TemplateObject[] = [];
  for (const o of list ?? []) {
    if (!o || typeof o !== "object") continue;
    const k = (o as { kind?: unknown }).kind;
    if (k === "WorkflowTemplate" || k === "ClusterWorkflowTemplate") out.push(o as TemplateObject);
  }
  return out;
}

export function contextOf(kind: TemplateContext["kind"], name: string, spec: WorkflowSpec): TemplateContext {
  const templates = new Map<string, Template>();
  for (const t of spec.templates ?? []) if (t.name) templates.set(t.name, t);
  const scope =
    kind === "Workflow" ? `local/${name}` : kind === "WorkflowTemplate" ? `namespaced/${name}` : `cluster/${name}`;
  return { scope, kind, name, templates };
}

/** Resolves templates by name, inline, or through `templateRef` to the given template objects. */
export class TemplateResolver {
  private readonly byKey = new Map<string, TemplateContext>();
  constructor(objects: readonly TemplateObject[]) {
    for (const o of objects) {
      const name = o.metadata.name ?? "";
      this.byKey.set(`${o.kind}/${name}`, contextOf(o.kind, name, o.spec));
    }
  }
  /** The WorkflowTemplate (or ClusterWorkflowTemplate) named `name`, if given. */
  object(name: string, cluster: boolean): TemplateContext | undefined {
    return this.byKey.get(`${cluster ? "ClusterWorkflowTemplate" : "WorkflowTemplate"}/${name}`);
  }

  /** `tmplCtx.ResolveTemplate`: the template and the context its own references resolve in. */
  resolve(ctx: TemplateContext, holder: TemplateHolder): { ctx: TemplateContext; template: Template } {
    if (holder.inline) return { ctx, template: holder.inline };
    if (holder.templateRef) {
      const ref = holder.templateRef;
      const target = this.object(ref.name ?? "", ref.clusterScope === true);
      const kind = ref.clusterScope ? "ClusterWorkflowTemplate" : "WorkflowTemplate";
      if (!target) {
        throw new RunnerError(
          RunnerCodes.unresolvedRef,
          `templateRef ${kind.replace(/^./, (c) => c.toLowerCase())} "${ref.name}" was not supplied (give it with --templates)`,
        );
      }
      const t = target.templates.get(ref.template ?? "");
      if (!t)
        throw new RunnerError(
          RunnerCodes.unknownTemplate,
          `template ${ref.template} not found in ${kind.toLowerCase()} ${ref.name}`,
        );
      return { ctx: target, template: t };
    }
    const name = holder.template ?? "";
    const t = ctx.templates.get(name);
    if (!t) throw new RunnerError(RunnerCodes.unknownTemplate, `template ${name} not found`);
    return { ctx, template: t };
  }
}

/** `mergedTemplateDefaultsInto`: `spec.templateDefaults` under the template (the template's own fields win, objects merge). */
export function withTemplateDefaults(t: Template, defaults: Template | undefined): Template {
  if (!defaults) return t;
  const merge = (base: unknown, over: unknown): unknown => {
    if (over === undefined) return base;
    if (
      base &&
      over &&
      typeof base === "object" &&
      typeof over === "object" &&
      !Array.isArray(base) &&
      !Array.isArray(over)
    ) {
      const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
      for (const [k, v] of Object.entries(over as Record<string, unknown>)) out[k] = merge(out[k], v);
      return out;
    }
    return over;
  };
  const d: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  // Defaults of the template kind only apply to templates of that kind (Argo merges the whole object, but a
  // `container` default on a DAG template would change its type).
  for (const k of [
    "container",
    "script",
    "containerSet",
    "dag",
    "steps",
    "resource",
    "suspend",
    "data",
    "http",
    "plugin",
  ]) {
    if (!(k in (t as Record<string, unknown>))) delete d[k];
  }
  return merge(d, t) as Template;
}

/** `GetType()` of a template. */
export type TemplateType =
  | "Container"
  | "ContainerSet"
  | "Steps"
  | "DAG"
  | "Script"
  | "Resource"
  | "Data"
  | "Suspend"
  | "HTTP"
  | "Plugin"
  | "Unknown";
export function templateType(t: Template): TemplateType {
  if (t.container) return "Container";
  if (t.containerSet) return "ContainerSet";
  if (t.steps) return "Steps";
  if (t.dag) return "DAG";
  if (t.script) return "Script";
  if (t.resource) return "Resource";
  if (t.suspend) return "Suspend";
  if (t.data) return "Data";
  if (t.http) return "HTTP";
  if (t.plugin) return "Plugin";
  return "Unknown";
}
/** `IsPodType()`. */
export function isPodType(t: Template): boolean {
  const k = templateType(t);
  return k === "Container" || k === "ContainerSet" || k === "Script" || k === "Resource" || k === "Data";
}
