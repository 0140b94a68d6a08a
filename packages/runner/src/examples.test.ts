import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Workflow } from "@wfc/sdk/argo";
import { parseK8sYaml } from "@wfc/sdk/yaml";
import { describe, expect, it } from "vitest";
import { virtualClock } from "./clock-virtual.js";
import { execute } from "./execute.js";
import type { ScriptedExecutorOptions } from "./scripted-executor.js";
import { scriptedExecutor } from "./scripted-executor.js";

const dir = join(import.meta.dirname, "../../../vendor/argo/examples");

/** Every vendored WorkflowTemplate and ClusterWorkflowTemplate, as `--templates vendor/argo/examples` would give them. */
const library = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml"))
  .flatMap((f) => parseK8sYaml(readFileSync(join(dir, f), "utf8")) as { kind?: string }[])
  .filter((d) => d.kind === "WorkflowTemplate" || d.kind === "ClusterWorkflowTemplate");

/** Runs a vendored upstream example on an executor that echoes args and leaves a placeholder at every output path. */
async function example(file: string, opts: ScriptedExecutorOptions = {}) {
  const docs = parseK8sYaml(readFileSync(join(dir, file), "utf8")) as Workflow[];
  const main = docs.find((d) => d.kind === "Workflow") ?? docs[0]!;
  const clock = virtualClock();
  const executor = scriptedExecutor({ fabricateOutputs: true, sleep: clock.sleep, ...opts });
  const r = await execute(main, {
    executor,
    clock,
    templates: [...docs, ...library],
    name: "ex",
    runDir: mkdtempSync(join(tmpdir(), "wfc-ex-")),
    cacheDir: mkdtempSync(join(tmpdir(), "wfc-cache-")),
  });
  const nodes = Object.values(r.workflow.status?.nodes ?? {});
  return {
    ...r,
    executor,
    clock,
    names: nodes.map((n) => n.name).sort(),
    node: (name: string) => nodes.find((n) => n.name === name),
  };
}

/** Upstream examples that reach Succeeded on the echoing executor (the ones that need real outputs, a cluster or a registry are not here). */
const succeeding = [
  "archive-location.yaml",
  "cluster-workflow-template__cluster-wftmpl-dag.yaml",
  "cluster-workflow-template__workflow-template-ref-with-entrypoint-arg-passing.yaml",
  "cluster-workflow-template__workflow-template-ref.yaml",
  "workflow-template__dag.yaml",
  "workflow-template__hello-world.yaml",
  "workflow-template__steps.yaml",
  "workflow-template__workflow-template-ref.yaml",
  "dag-inline-cronworkflow.yaml",
  "artifact-disable-archive.yaml",
  "artifact-gc-workflow.yaml",
  "artifact-passing-explicit-plugin.yaml",
  "artifact-passing.yaml",
  "artifact-path-placeholders.yaml",
  "artifact-repository-ref.yaml",
  "colored-logs.yaml",
  "conditionals.yaml",
  "container-set-template__graph-workflow.yaml",
  "container-set-template__parallel-workflow.yaml",
  "container-set-template__sequence-workflow.yaml",
  "container-set-template__workspace-workflow.yaml",
  "cron-when.yaml",
  "cron-workflow-multiple-schedules.yaml",
  "custom-metrics.yaml",
  "daemon-nginx.yaml",
  "daemon-step.yaml",
  "dag-custom-metrics.yaml",
  "dag-daemon-retry-strategy.yaml",
  "dag-daemon-task.yaml",
  "dag-diamond.yaml",
  "dag-disable-failFast.yaml",
  "dag-enhanced-depends.yaml",
  "dag-inline-workflow.yaml",
  "dag-inline-workflowtemplate.yaml",
  "dag-nested.yaml",
  "dag-targets.yaml",
  "dag-task-level-timeout.yaml",
  "default-pdb-support.yaml",
  "dns-config.yaml",
  "exit-code-output-variable.yaml",
  "exit-handler-slack.yaml",
  "exit-handler-step-level.yaml",
  "exit-handler-with-artifacts.yaml",
  "exit-handlers.yaml",
  "expression-destructure-json-complex.yaml",
  "expression-destructure-json.yaml",
  "expression-tag-template-workflow.yaml",
  "forever.yaml",
  "gc-ttl.yaml",
  "global-outputs.yaml",
  "global-parameters.yaml",
  "hdfs-artifact.yaml",
  "hello-windows.yaml",
  "hello-world.yaml",
  "http-hello-world.yaml",
  "image-pull-secrets.yaml",
  "init-container.yaml",
  "input-artifact-raw.yaml",
  "key-only-artifact.yaml",
  "label-value-from-workflow.yaml",
  "life-cycle-hooks-wf-level.yaml",
  "loops-arbitrary-sequential-steps.yaml",
  "loops-dag.yaml",
  "loops-param-argument.yaml",
  "loops-sequence.yaml",
  "memoize-simple.yaml",
  "nested-workflow.yaml",
  "output-artifact-azure.yaml",
  "output-artifact-gcs.yaml",
  "output-artifact-s3.yaml",
  "parallelism-limit.yaml",
  "parallelism-nested-dag.yaml",
  "parallelism-nested-workflow.yaml",
  "parallelism-template-limit.yaml",
  "pod-gc-strategy-with-label-selector.yaml",
  "pod-gc-strategy.yaml",
  "pod-metadata-wf-field.yaml",
  "pod-resources-template-override.yaml",
  "pod-resources.yaml",
  "pod-spec-from-previous-step.yaml",
  "pod-spec-patch.yaml",
  "pod-spec-yaml-patch.yaml",
  "resource-claims.yaml",
  "retry-backoff.yaml",
  "retry-conditional.yaml",
  "retry-container-to-completion.yaml",
  "retry-on-error.yaml",
  "retry-script.yaml",
  "retry-with-steps.yaml",
  "scripts-javascript.yaml",
  "scripts-python.yaml",
  "sidecar-nginx.yaml",
  "sidecar.yaml",
  "skipped-output-defaults__consumer-input-default.yaml",
  "skipped-output-defaults__producer-output-default.yaml",
  "status-reference.yaml",
  "step-level-timeout.yaml",
  "steps-inline-workflow.yaml",
  "steps.yaml",
  "synchronization-db-mutex-tmpl-level.yaml",
  "synchronization-db-mutex-wf-level.yaml",
  "synchronization-db-tmpl-level.yaml",
  "synchronization-mutex-tmpl-level.yaml",
  "synchronization-mutex-wf-level.yaml",
  "synchronization-tmpl-level.yaml",
  "template-defaults.yaml",
  "template-on-exit.yaml",
  "timeouts-workflow.yaml",
  "title-and-description-with-markdown.yaml",
  "variables-showcase.yaml",
  "volumes-existing.yaml",
  "volumes-pvc.yaml",
  "work-avoidance.yaml",
  "workflow-event-binding__github-path-filter-workflowtemplate.yaml",
  "workflow-template__workflow-archive-logs.yaml",
];

describe("vendored upstream examples", () => {
  it.each(succeeding)("%s reaches Succeeded", async (file) => {
    const r = await example(file);
    expect(r.workflow.status?.message ?? "").toBe("");
    expect(r.phase).toBe("Succeeded");
  });

  it("steps.yaml: hello1, then hello2a and hello2b in parallel", async () => {
    const r = await example("steps.yaml");
    expect(r.names).toEqual(["ex", "ex[0]", "ex[0].hello1", "ex[1]", "ex[1].hello2a", "ex[1].hello2b"]);
    const args = r.executor.requests.map((q) => q.template.container?.args?.[0]);
    expect(args[0]).toBe("hello1");
    expect(args.slice(1).sort()).toEqual(["hello2a", "hello2b"]);
  });

  it("dag-diamond.yaml: A, B and C, then D", async () => {
    const r = await example("dag-diamond.yaml");
    expect(r.names).toEqual(["ex", "ex.A", "ex.B", "ex.C", "ex.D"]);
    expect(r.executor.requests.at(-1)?.taskName).toBe("D");
  });

  it("loops-dag.yaml: a TaskGroup B(i:item) between A and C", async () => {
    const r = await example("loops-dag.yaml");
    expect(r.names).toEqual(["ex", "ex.A", "ex.B", "ex.B(0:foo)", "ex.B(1:bar)", "ex.B(2:baz)", "ex.C"]);
    expect(r.node("ex.B")?.type).toBe("TaskGroup");
    expect(r.node("ex.B")?.children).toEqual(["ex.B(0:foo)", "ex.B(1:bar)", "ex.B(2:baz)"].map((n) => r.node(n)?.id));
    expect(r.node("ex.B(0:foo)")?.children).toEqual([r.node("ex.C")?.id]);
  });

  it("dag-targets.yaml: only the target E and what it depends on run", async () => {
    const r = await example("dag-targets.yaml");
    expect(r.names).toEqual(["ex", "ex.A", "ex.C", "ex.E"]);
  });

  it("exit-handlers.yaml: the exit handler sees the failure", async () => {
    const r = await example("exit-handlers.yaml");
    expect(r.phase).toBe("Succeeded");
    expect(r.names).toContain("ex.onExit");
    const byDisplay = (d: string) => Object.values(r.workflow.status?.nodes ?? {}).find((n) => n.displayName === d);
    expect(byDisplay("celebrate")?.phase).toBe("Succeeded");
    expect(byDisplay("cry")?.phase).toBe("Skipped");
  });

  it("retry-backoff.yaml: a failing pod is retried limit times with backoff", async () => {
    const r = await example("retry-backoff.yaml", { pods: { "retry-backoff": { exitCode: 1 } } });
    expect(r.phase).toBe("Failed");
    const root = r.node("ex");
    expect(root?.type).toBe("Retry");
    expect(root?.children?.length).toBe(
      Number(/limit: "?(\d+)/.exec(readFileSync(join(dir, "retry-backoff.yaml"), "utf8"))?.[1]) + 1,
    );
    expect(r.clock.elapsed()).toBeGreaterThan(0);
  });
});

describe("containerSet", () => {
  it("container-set-template__graph-workflow.yaml: a Container node per container, wired by dependencies", async () => {
    const r = await example("container-set-template__graph-workflow.yaml", {
      pods: {
        main: { containers: { a: { exitCode: 0 }, b: { exitCode: 0 }, c: { exitCode: 0 }, d: { exitCode: 2 } } },
      },
    });
    const pod = r.node("ex")!;
    expect(pod.type).toBe("Pod");
    const kids = Object.values(r.workflow.status?.nodes ?? {}).filter((n) => n.type === "Container");
    expect(kids.map((k) => k.displayName).sort()).toEqual(["a", "b", "c", "d"]);
    expect(pod.children).toEqual([r.node("ex.a")?.id]);
    expect(r.node("ex.a")?.children?.sort()).toEqual([r.node("ex.b")?.id, r.node("ex.c")?.id].sort());
    expect(r.node("ex.d")).toMatchObject({ phase: "Failed", message: "d: Error (exit code 2): ", boundaryID: pod.id });
  });
});

/** ConfigMaps of the vendored examples (configmaps__simple-parameters-configmap.yaml), as `--configmap` would give them. */
const configMaps = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .flatMap(
      (f) =>
        parseK8sYaml(readFileSync(join(dir, f), "utf8")) as {
          kind?: string;
          metadata?: { name?: string };
          data?: Record<string, string>;
        }[],
    )
    .filter((d) => d.kind === "ConfigMap")
    .map((d) => [d.metadata?.name ?? "", d.data ?? {}]),
);

describe("vendored examples whose outcome depends on what pods print", () => {
  const heads = { "flip-coin": { stdout: "heads\n" } };
  it.each([
    "coinflip-recursive.yaml",
    "conditional-parameters.yaml",
    "conditional-artifacts.yaml",
    "dag-conditional-parameters.yaml",
    "dag-conditional-artifacts.yaml",
  ])("%s succeeds when the coin says heads", async (file) => {
    const r = await example(file, { pods: heads });
    expect(r.phase).toBe("Succeeded");
    const shown = Object.values(r.workflow.status?.nodes ?? {});
    expect(shown.find((n) => n.displayName === "tails" || n.displayName?.startsWith("tails"))?.phase ?? "Skipped").toBe(
      "Skipped",
    );
  });

  it.each(["parameter-aggregation-dag.yaml", "parameter-aggregation-script.yaml"])(
    "%s aggregates the loop's outputs",
    async (file) => {
      const oddOrEven = (q: { template: { inputs?: { parameters?: { name: string; value?: string }[] } } }) => {
        const n = Number(q.template.inputs?.parameters?.find((p) => p.name === "num")?.value);
        return {
          stdout: JSON.stringify({ num: n, evenness: n % 2 === 0 ? "even" : "odd" }),
          files: { "/tmp/num": `${n}\n`, "/tmp/even": `${n % 2 === 0 ? "even" : "odd"}\n` },
        };
      };
      const r = await example(file, { pods: { "odd-or-even": oddOrEven } });
      expect(r.phase).toBe("Succeeded");
      const divided = Object.values(r.workflow.status?.nodes ?? {}).filter(
        (n) => n.name.includes(".divide-by-2(") && n.type !== "TaskGroup",
      );
      expect(divided.filter((n) => n.phase === "Succeeded").length).toBe(
        divided.filter((n) => /evenness:even/.test(n.name)).length,
      );
    },
  );

  it.each([
    "arguments-parameters-from-configmap.yaml",
    "global-parameters-from-configmap-referenced-as-local-variable.yaml",
  ])("%s reads its parameter from the vendored ConfigMap", async (file) => {
    const docs = parseK8sYaml(readFileSync(join(dir, file), "utf8")) as Workflow[];
    const executor = scriptedExecutor();
    const r = await execute(docs[0]!, { executor, configMaps, runDir: mkdtempSync(join(tmpdir(), "wfc-ex-")) });
    expect(r.phase).toBe("Succeeded");
    expect(JSON.stringify(executor.requests[0]?.template)).toContain(configMaps["simple-parameters"]?.msg ?? "missing");
  });
});
