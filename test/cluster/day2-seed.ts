/**
 * Workflows in a given state, written straight into the double's store (the scripted controller
 * leaves a workflow that already has a phase alone): running, suspended on an approval node, done.
 */
import { nodeId } from "../../packages/client/src/operations/node-ids.js";
import type { Obj, Store } from "../k8s-double/store.js";

const T0 = "2026-12-01T10:00:00Z";

/** A Running DAG `main`: `build` succeeded, `approve` (a suspend node) waits, `deploy` comes after it. */
export function seedSuspended(store: Store, name: string, opts: { suspended?: boolean; phase?: string } = {}): Obj {
  const build = nodeId(name, `${name}.build`);
  const approve = nodeId(name, `${name}.approve`);
  const other = nodeId(name, `${name}.second-approval`);
  return store.create("workflows", "ci", {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Workflow",
    metadata: { name, labels: { "workflows.argoproj.io/phase": opts.phase ?? "Running" } },
    spec: {
      entrypoint: "main",
      ...(opts.suspended ? { suspend: true } : {}),
      templates: [
        {
          name: "main",
          dag: {
            tasks: [
              { name: "build", template: "echo" },
              { name: "approve", template: "approval", depends: "build" },
              { name: "second-approval", template: "approval", depends: "build" },
            ],
          },
        },
        { name: "echo", container: { image: "alpine:3.20", command: ["echo", "hi"] } },
        {
          name: "approval",
          suspend: {},
          outputs: { parameters: [{ name: "ok", valueFrom: { supplied: {}, default: "yes" } }] },
        },
      ],
    },
    status: {
      phase: opts.phase ?? "Running",
      startedAt: T0,
      ...(opts.phase && opts.phase !== "Running" ? { finishedAt: T0 } : {}),
      nodes: {
        [name]: {
          id: name,
          name,
          displayName: name,
          type: "DAG",
          templateName: "main",
          phase: opts.phase ?? "Running",
          startedAt: T0,
          children: [build],
        },
        [build]: {
          id: build,
          name: `${name}.build`,
          displayName: "build",
          type: "Pod",
          templateName: "echo",
          phase: "Succeeded",
          boundaryID: name,
          startedAt: T0,
          finishedAt: T0,
          children: [approve, other],
        },
        [approve]: {
          id: approve,
          name: `${name}.approve`,
          displayName: "approve",
          type: "Suspend",
          templateName: "approval",
          phase: "Running",
          boundaryID: name,
          startedAt: T0,
          outputs: { parameters: [{ name: "ok", valueFrom: { supplied: {}, default: "yes" } }] },
        },
        [other]: {
          id: other,
          name: `${name}.second-approval`,
          displayName: "second-approval",
          type: "Suspend",
          templateName: "approval",
          phase: "Running",
          boundaryID: name,
          startedAt: T0,
        },
      },
    },
  });
}
