/**
 * Builds a Workflow from a WorkflowTemplate, ClusterWorkflowTemplate or
 * CronWorkflow on the cluster, the way `argo submit --from` does.
 */
import { ARGO_API_VERSION, workflowTemplateRef } from "@wfc/sdk/internal";
import { ClusterError } from "./errors.js";
import { parseKindName } from "./resources.js";
import type { KubeObject } from "./types.js";
import type { WorkflowClient } from "./workflow-client.js";

/**
 * Result of {@link workflowFrom}.
 *
 * @example
 * ```ts
 * const { workflow, declaredArguments } = await workflowFrom(client, "workflowtemplate/build");
 * ```
 */
export interface WorkflowFromResult {
  /** The Workflow manifest to create. */
  readonly workflow: KubeObject;
  /** The object it was made from, as read from the cluster. */
  readonly source: KubeObject;
  /** The source's declared `spec.arguments` (for checking `-p` overrides). */
  readonly declaredArguments: Readonly<Record<string, unknown>>;
}

/**
 * Reads `kind/name` from the cluster and returns a Workflow that runs it.
 *
 * @example
 * ```ts
 * const { workflow } = await workflowFrom(client, "workflowtemplate/build");
 * await client.create(workflow);
 * ```
 */
export async function workflowFrom(client: WorkflowClient, ref: string): Promise<WorkflowFromResult> {
  const { resource, name } = parseKindName(ref);
  const source = await client.get(resource.kind, name);
  const spec = (source.spec ?? {}) as Record<string, unknown>;
  const base = { apiVersion: ARGO_API_VERSION, kind: "Workflow" };
  switch (resource.kind) {
    case "WorkflowTemplate":
    case "ClusterWorkflowTemplate": {
      const cluster = resource.kind === "ClusterWorkflowTemplate";
      const args = (spec.arguments ?? {}) as Record<string, unknown>;
      return {
        source,
        declaredArguments: args,
        workflow: {
          ...base,
          metadata: {
            generateName: `${name}-`,
            labels: {
              [cluster ? "workflows.argoproj.io/cluster-workflow-template" : "workflows.argoproj.io/workflow-template"]:
                name,
            },
          },
          spec: { workflowTemplateRef: workflowTemplateRef(resource.kind, name), arguments: args },
        },
      };
    }
    case "CronWorkflow": {
      const wfSpec = (spec.workflowSpec ?? {}) as Record<string, unknown>;
      const meta = (spec.workflowMetadata ?? {}) as {
        labels?: Record<string, string>;
        annotations?: Record<string, string>;
      };
      return {
        source,
        declaredArguments: (wfSpec.arguments ?? {}) as Record<string, unknown>,
        workflow: {
          ...base,
          metadata: {
            generateName: `${name}-`,
            labels: { ...meta.labels, "workflows.argoproj.io/cron-workflow": name },
            ...(meta.annotations ? { annotations: meta.annotations } : {}),
          },
          spec: wfSpec,
        },
      };
    }
    default:
      throw new ClusterError(
        "BadRequest",
        `--from takes workflowtemplate/NAME, clusterworkflowtemplate/NAME or cronworkflow/NAME, not ${ref}`,
      );
  }
}
