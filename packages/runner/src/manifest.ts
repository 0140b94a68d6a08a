import { randomUUID } from "node:crypto";
import type { Parameter, Workflow, WorkflowSpec } from "@wfc/sdk/argo";
import { RunnerCodes, RunnerError } from "./errors.js";
import type { TemplateResolver } from "./template-resolution.js";

const alphabet = "bcdfghjklmnpqrstvwxz2456789";

/** Kubernetes' generateName suffix: 5 characters of its alphabet. */
export function randomSuffix(): string {
  let s = "";
  for (let i = 0; i < 5; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
  return s;
}

/**
 * The Workflow to run: a Workflow as is; a WorkflowTemplate/ClusterWorkflowTemplate as
 * `argo submit --from` makes it (a Workflow whose `spec.workflowTemplateRef` names it); a
 * CronWorkflow's `spec.workflowSpec`. Names it (`options.name`, or generateName + 5 characters).
 */
export function toWorkflow(manifest: unknown, name: string | undefined): Workflow {
  const m = manifest as { kind?: string; metadata?: Workflow["metadata"]; spec?: Record<string, unknown> };
  if (!m || typeof m !== "object" || !m.spec) throw new RunnerError(RunnerCodes.invalid, "the manifest has no spec");
  let wf: Workflow;
  switch (m.kind) {
    case "Workflow":
    case undefined:
      wf = structuredClone(m as unknown as Workflow);
      break;
    case "WorkflowTemplate":
    case "ClusterWorkflowTemplate": {
      const n = m.metadata?.name ?? "";
      wf = {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Workflow",
        metadata: {
          generateName: `${n}-`,
          ...(m.metadata?.namespace ? { namespace: m.metadata.namespace } : {}),
          labels: { "workflows.argoproj.io/workflow-template": n },
        },
        spec: {
          workflowTemplateRef: { name: n, ...(m.kind === "ClusterWorkflowTemplate" ? { clusterScope: true } : {}) },
        },
      };
      break;
    }
    case "CronWorkflow": {
      const n = m.metadata?.name ?? "";
      wf = {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Workflow",
        metadata: { generateName: `${n}-`, ...(m.metadata?.namespace ? { namespace: m.metadata.namespace } : {}) },
        spec: structuredClone((m.spec as { workflowSpec?: WorkflowSpec }).workflowSpec ?? {}),
      };
      break;
    }
    default:
      throw new RunnerError(
        RunnerCodes.invalid,
        `cannot run a ${m.kind}: give a Workflow, WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow`,
      );
  }
  wf.kind = "Workflow";
  wf.apiVersion = "argoproj.io/v1alpha1";
  wf.metadata = { ...wf.metadata };
  if (!wf.metadata.name) wf.metadata.name = name ?? `${wf.metadata.generateName ?? "workflow-"}${randomSuffix()}`;
  wf.metadata.namespace ??= "default";
  wf.metadata.uid ??= randomUUID();
  return wf;
}

/** `JoinWorkflowSpec`: the referenced WorkflowTemplate's spec under the workflow's own (arguments merged by name). */
export function execSpec(
  wf: Workflow,
  resolver: TemplateResolver,
  templates: ReadonlyMap<string, { spec: WorkflowSpec }>,
): WorkflowSpec {
  const ref = wf.spec.workflowTemplateRef;
  if (!ref) return wf.spec;
  const key = `${ref.clusterScope ? "ClusterWorkflowTemplate" : "WorkflowTemplate"}/${ref.name ?? ""}`;
  const base = templates.get(key);
  void resolver;
  if (!base) {
    throw new RunnerError(
      RunnerCodes.unresolvedRef,
      `spec.workflowTemplateRef: ${ref.clusterScope ? "clusterworkflowtemplate" : "workflowtemplate"} "${ref.name}" was not supplied (give it with --templates)`,
      [
        {
          code: RunnerCodes.unresolvedRef,
          message: `workflowTemplateRef "${ref.name}" was not supplied`,
          hint: "--templates PATH",
        },
      ],
    );
  }
  const { workflowTemplateRef: _r, arguments: args, ...own } = wf.spec;
  void _r;
  const merged: WorkflowSpec = { ...structuredClone(base.spec), ...own };
  const params = new Map<string, Parameter>();
  for (const p of base.spec.arguments?.parameters ?? []) params.set(p.name, p);
  for (const p of args?.parameters ?? []) params.set(p.name, { ...params.get(p.name), ...p });
  const arts = new Map<
    string,
    NonNullable<WorkflowSpec["arguments"]>["artifacts"] extends (infer A)[] | undefined ? A : never
  >();
  for (const a of base.spec.arguments?.artifacts ?? []) arts.set(a.name, a);
  for (const a of args?.artifacts ?? []) arts.set(a.name, a);
  if (params.size || arts.size)
    merged.arguments = {
      ...(params.size ? { parameters: [...params.values()] } : {}),
      ...(arts.size ? { artifacts: [...arts.values()] } : {}),
    };
  return merged;
}

/** Workflow arguments with `options.parameters` applied; unknown names and values outside `enum` are errors. */
export function resolveArguments(
  spec: WorkflowSpec,
  given: Readonly<Record<string, string>> | undefined,
  configMaps: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined,
): Parameter[] {
  const declared = spec.arguments?.parameters ?? [];
  const problems: { code: string; message: string }[] = [];
  for (const name of Object.keys(given ?? {})) {
    if (!declared.some((p) => p.name === name)) {
      problems.push({
        code: RunnerCodes.badParameter,
        message: `parameter "${name}" is not declared in spec.arguments.parameters (declared: ${declared.map((p) => p.name).join(", ") || "none"})`,
      });
    }
  }
  const out = declared.map((p): Parameter => {
    const q: Parameter = { ...p };
    const v = given?.[p.name];
    if (v !== undefined) {
      q.value = v;
      delete q.valueFrom;
    }
    if (q.value === undefined && q.valueFrom?.configMapKeyRef) {
      const ref = q.valueFrom.configMapKeyRef;
      const cm = configMaps?.[ref.name ?? ""]?.[ref.key];
      if (cm !== undefined) q.value = cm;
      else if (q.valueFrom.default !== undefined) q.value = q.valueFrom.default;
      else
        problems.push({
          code: RunnerCodes.badParameter,
          message: `parameter "${p.name}": configmap "${ref.name}" key "${ref.key}" was not supplied (give it with --configmap)`,
        });
    }
    if (q.value === undefined && q.valueFrom === undefined) {
      problems.push({
        code: RunnerCodes.badParameter,
        message: `parameter "${p.name}" has no value: give it with -p ${p.name}=VALUE`,
      });
    }
    if (q.enum?.length && q.value !== undefined && !q.enum.includes(q.value)) {
      problems.push({
        code: RunnerCodes.badParameter,
        message: `parameter "${p.name}": value "${q.value}" is not one of its enum (${q.enum.join(", ")})`,
      });
    }
    return q;
  });
  if (problems.length)
    throw new RunnerError(RunnerCodes.badParameter, problems.map((p) => p.message).join("\n"), problems);
  return out;
}
