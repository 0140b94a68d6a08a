/**
 * What `wfc run FILE` runs: the file's Workflow, or a Workflow made from its WorkflowTemplate,
 * ClusterWorkflowTemplate or CronWorkflow the way `submit --from` makes one; the WorkflowTemplates
 * it may reference (the file's own and `--templates` files). Everything is validated exactly as
 * `wfc lint` validates it, before anything starts.
 */
import { applyParameterOverrides, type Manifest, WfcError } from "@wfc/sdk";
import { lintFiles } from "../check.js";
import type { LoadedManifest } from "../load.js";
import { LintFailed } from "./lint.js";

/** A manifest `wfc run` cannot run as given (no Workflow, several and none named). */
export class RunInputError extends WfcError {
  constructor(message: string) {
    super("E_RUN_INPUT", message);
    this.name = "RunInputError";
  }
}

type AnyManifest = {
  kind: string;
  apiVersion?: string;
  metadata?: Record<string, unknown>;
  spec: Record<string, unknown>;
};

/** The Workflow to run and the templates it may reference. */
export interface RunTarget {
  readonly workflow: AnyManifest;
  readonly templates: readonly AnyManifest[];
  /** Every manifest loaded (the file's and `--templates` files'), e.g. its EventSources and Sensors. */
  readonly manifests: readonly AnyManifest[];
}

const RUNNABLE = ["Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow"];
const TEMPLATE_KINDS = ["WorkflowTemplate", "ClusterWorkflowTemplate"];

function label(m: { metadata?: Record<string, unknown> }): string {
  return String(m.metadata?.name ?? m.metadata?.generateName ?? "?");
}

/** Loads and lints files as `wfc lint` does (the same function); throws {@link LintFailed} after printing every problem. */
async function loadLinted(files: readonly string[], err: (s: string) => void): Promise<LoadedManifest[]> {
  const { problems, valid } = await lintFiles(files, (line) => err(`${line}\n`));
  if (problems.length) throw new LintFailed(problems.length);
  return valid.map((v) => v.loaded);
}

/** A Workflow that runs a WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow, as `argo submit --from` builds it. */
function workflowFrom(m: AnyManifest): AnyManifest {
  const name = String(m.metadata?.name ?? "workflow");
  const base = { apiVersion: "argoproj.io/v1alpha1", kind: "Workflow" };
  if (m.kind === "CronWorkflow") {
    const meta = (m.spec.workflowMetadata ?? {}) as {
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
    };
    return {
      ...base,
      metadata: {
        generateName: `${name}-`,
        labels: { ...meta.labels, "workflows.argoproj.io/cron-workflow": name },
        ...(meta.annotations ? { annotations: meta.annotations } : {}),
      },
      spec: (m.spec.workflowSpec ?? {}) as Record<string, unknown>,
    };
  }
  const cluster = m.kind === "ClusterWorkflowTemplate";
  return {
    ...base,
    metadata: {
      generateName: `${name}-`,
      labels: {
        [cluster ? "workflows.argoproj.io/cluster-workflow-template" : "workflows.argoproj.io/workflow-template"]: name,
      },
    },
    spec: {
      workflowTemplateRef: cluster ? { name, clusterScope: true } : { name },
      arguments: (m.spec.arguments ?? {}) as Record<string, unknown>,
    },
  };
}

/**
 * Loads FILE (and `--templates` files), lints everything, picks what to run and applies `-p`.
 *
 * @example
 * ```ts
 * const { workflow, templates } = await loadRunTarget("pipeline.ts", undefined, [], { date: "2026-01-02" });
 * ```
 */
export async function loadRunTarget(
  file: string,
  which: string | undefined,
  templateFiles: readonly string[],
  overrides: Readonly<Record<string, string>>,
  err: (s: string) => void,
): Promise<RunTarget> {
  const loaded = await loadLinted([file, ...templateFiles], err);
  const fromFile = loaded.filter((l) => l.file === loaded[0]?.file);
  const runnable = fromFile.filter((l) => RUNNABLE.includes(l.manifest.kind));
  const workflows = runnable.filter((l) => l.manifest.kind === "Workflow");
  const pool = workflows.length ? workflows : runnable;
  if (!pool.length) {
    const kinds = [...new Set(fromFile.map((l) => l.manifest.kind))].join(", ") || "nothing";
    throw new RunInputError(`${file} has no Workflow, WorkflowTemplate or CronWorkflow to run (found ${kinds})`);
  }
  let chosen = pool[0]!;
  if (which) {
    const m = runnable.find((l) => {
      const meta = (l.manifest.metadata ?? {}) as { name?: string; generateName?: string };
      return meta.name === which || meta.generateName === which || meta.generateName === `${which}-`;
    });
    if (!m)
      throw new RunInputError(
        `${file} has no ${RUNNABLE.join("/")} named "${which}" (found: ${runnable.map((l) => label(l.manifest as unknown as AnyManifest)).join(", ")})`,
      );
    chosen = m;
  } else if (pool.length > 1) {
    const names = pool.map((l) => label(l.manifest as unknown as AnyManifest)).join(", ");
    throw new RunInputError(
      `${file} has ${pool.length} ${workflows.length ? "Workflows" : "runnable manifests"} (${names}); name the one to run: wfc run ${file} NAME`,
    );
  }
  let source = chosen.manifest as unknown as AnyManifest;
  if (Object.keys(overrides).length)
    source = applyParameterOverrides(source, overrides, chosen.workflow) as AnyManifest;
  const templates = loaded
    .filter((l) => TEMPLATE_KINDS.includes(l.manifest.kind))
    .map((l) => l.manifest as unknown as AnyManifest);
  const workflow = source.kind === "Workflow" ? source : workflowFrom(source);
  if (TEMPLATE_KINDS.includes(source.kind) && !templates.includes(source)) templates.push(source);
  return { workflow, templates, manifests: loaded.map((l) => l.manifest as unknown as AnyManifest) };
}

export type { Manifest };
