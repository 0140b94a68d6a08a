import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DAGTask, Workflow } from "@wfc/sdk/argo";
import { describe, expect, it } from "vitest";
import { execute } from "./execute.js";
import { scriptedExecutor } from "./scripted-executor.js";

/** 1000 tasks in 10 layers of 100, each task depending on two tasks of the layer before. */
export function largeDag(n = 1000, width = 100): Workflow {
  const tasks: DAGTask[] = [];
  for (let i = 0; i < n; i++) {
    const layer = Math.floor(i / width);
    const deps = layer === 0 ? [] : [`t${i - width}`, `t${(layer - 1) * width + ((i + 1) % width)}`];
    tasks.push({
      name: `t${i}`,
      template: "work",
      ...(deps.length ? { dependencies: deps } : {}),
      arguments: { parameters: [{ name: "i", value: String(i) }] },
    });
  }
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Workflow",
    metadata: { name: "large" },
    spec: {
      entrypoint: "main",
      templates: [
        {
          name: "work",
          inputs: { parameters: [{ name: "i" }] },
          container: { image: "alpine", args: ["{{inputs.parameters.i}}"] },
        },
        { name: "main", dag: { tasks } },
      ],
    },
  };
}

describe("a large DAG", () => {
  it("a flat 1000-task DAG is rejected as the API server would (dag.tasks: at most 200 items)", async () => {
    await expect(
      execute(largeDag(), { executor: scriptedExecutor(), runDir: mkdtempSync(join(tmpdir(), "wfc-large-")) }),
    ).rejects.toThrow(/dag.tasks: must have at most 200 items/);
  });

  it("runs 1000 tasks, each after its dependencies", async () => {
    const executor = scriptedExecutor();
    const started = performance.now();
    // Argo's CRD allows at most 200 tasks in one DAG (the API server would reject this one): not validated.
    const r = await execute(largeDag(), {
      executor,
      validate: false,
      runDir: mkdtempSync(join(tmpdir(), "wfc-large-")),
    });
    const ms = performance.now() - started;
    console.log(`1000-task DAG: ${ms.toFixed(0)} ms`);
    expect(r.phase).toBe("Succeeded");
    expect(Object.keys(r.workflow.status?.nodes ?? {})).toHaveLength(1001);
    const order = new Map(executor.requests.map((q, i) => [q.taskName, i]));
    expect(order.get("t100")!).toBeGreaterThan(order.get("t0")!);
    expect(order.get("t999")!).toBeGreaterThan(order.get("t899")!);
  });

  it("runs 1000 tasks as Argo allows them (5 DAGs of 200), validated", async () => {
    const inner = (k: number) => ({
      name: `inner${k}`,
      dag: {
        tasks: Array.from(
          { length: 200 },
          (_, i): DAGTask => ({
            name: `t${i}`,
            template: "work",
            ...(i >= 20 ? { dependencies: [`t${i - 20}`] } : {}),
            arguments: { parameters: [{ name: "i", value: String(i) }] },
          }),
        ),
      },
    });
    const wf: Workflow = {
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Workflow",
      metadata: { name: "nested" },
      spec: {
        entrypoint: "main",
        templates: [
          {
            name: "work",
            inputs: { parameters: [{ name: "i" }] },
            container: { image: "alpine", args: ["{{inputs.parameters.i}}"] },
          },
          ...[0, 1, 2, 3, 4].map(inner),
          { name: "main", dag: { tasks: [0, 1, 2, 3, 4].map((k) => ({ name: `d${k}`, template: `inner${k}` })) } },
        ],
      },
    };
    const executor = scriptedExecutor();
    const r = await execute(wf, { executor, runDir: mkdtempSync(join(tmpdir(), "wfc-nested-")) });
    expect(r.phase).toBe("Succeeded");
    expect(executor.requests).toHaveLength(1000);
    expect(
      r.workflow.status?.nodes?.[
        r.workflow.status.nodes
          ? (Object.keys(r.workflow.status.nodes).find(
              (id) => r.workflow.status?.nodes?.[id]?.name === "nested.d4.t199",
            ) ?? "")
          : ""
      ]?.phase,
    ).toBe("Succeeded");
  });
});
