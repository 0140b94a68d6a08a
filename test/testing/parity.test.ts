// The harness against the real thing: each pipeline of fixtures/parity.ts runs with real
// containers through `wfc run` (podman, every image mapped to this machine's root file system),
// through runWorkflow with mocks that do what the containers do, and through runWorkflow with the
// same real containers (R3's ContainerExecutor as its engine). Phases, node types, messages,
// inputs and outputs of every node must be the same, and so must the workflow's phase and outputs.
// Skipped, saying why, when podman cannot run containers here.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ContainerExecutor, detectEngine, parseImageMapEntry, realClock } from "@wfc/runner";
import { fail, type Mock, mock, runWorkflow } from "@wfc/runner/testing";
import type { WorkflowObject } from "@wfc/sdk";
import type { NodeStatus, Workflow } from "@wfc/sdk/argo";
import { afterAll, describe, expect, it } from "vitest";
import { wfc } from "../helpers.js";
import * as p from "./fixtures/parity.js";

function engineProblem(): string | undefined {
  const r = spawnSync("podman", ["run", "--rm", "--rootfs", "/:O", "sh", "-c", "echo ok"], {
    encoding: "utf8",
    timeout: 60_000,
  });
  if (r.error) return `podman is not available (${r.error.message})`;
  if (r.status !== 0 || r.stdout.trim() !== "ok")
    return `podman cannot run a container here: ${(r.stderr || r.stdout).trim().split("\n")[0]}`;
  return undefined;
}
const why = engineProblem();
if (why) console.warn(`test/testing/parity.test.ts skipped: ${why}`);

const cases: {
  readonly name: string;
  readonly wf: WorkflowObject;
  readonly mocks: readonly Mock[];
  readonly phase: string;
}[] = [
  {
    name: "parity-params",
    wf: p.params,
    mocks: [mock(p.produce, ({ seed }) => ({ n: seed * 2 })), mock(p.consume, ({ n }) => ({ m: n + 1 }))],
    phase: "Succeeded",
  },
  {
    name: "parity-loop",
    wf: p.loop,
    mocks: [
      mock(p.list, { items: ["x", "y", "z"] }),
      mock(p.upper, ({ item }) => ({ up: item.toUpperCase() })),
      mock(p.done, {}),
    ],
    phase: "Succeeded",
  },
  {
    name: "parity-retry",
    wf: p.retry,
    mocks: [mock(p.flaky, (_in, { retry }) => (retry === 0 ? fail({ exitCode: 1 }) : { o: "ok" }))],
    phase: "Succeeded",
  },
  {
    name: "parity-failure",
    wf: p.failure,
    mocks: [mock(p.exitWith, ({ code }) => (code === 0 ? {} : fail({ exitCode: code })))],
    phase: "Failed",
  },
  {
    name: "parity-exit",
    wf: p.exitHandlers,
    mocks: [
      mock(p.exitWith, ({ code }) => (code === 0 ? {} : fail({ exitCode: code }))),
      mock(p.notify, ({ status }) => ({ result: `workflow ${status}\n` })),
      mock(p.celebrate, { result: "hooray\n" }),
      mock(p.cry, { result: "boohoo\n" }),
    ],
    phase: "Failed",
  },
  {
    name: "parity-when",
    wf: p.conditions,
    mocks: [mock(p.flip, { result: "heads\n" }), mock(p.say, ({ what }) => ({ result: `${what}\n` }))],
    phase: "Succeeded",
  },
];

/** What must agree: everything of a node but times, pod IPs, host names and artifact locations. */
function comparable(wf: Workflow): unknown {
  const nodes: Record<string, unknown> = {};
  for (const n of Object.values(wf.status?.nodes ?? {}) as NodeStatus[]) {
    nodes[n.name] = {
      id: n.id,
      displayName: n.displayName,
      type: n.type,
      phase: n.phase,
      message: n.message || undefined,
      templateName: n.templateName,
      boundaryID: n.boundaryID,
      children: [...(n.children ?? [])].sort(),
      inputs: n.inputs?.parameters?.map((x) => [x.name, x.value]),
      outputs: n.outputs && {
        parameters: n.outputs.parameters?.map((x) => [x.name, x.value]),
        result: n.outputs.result,
        exitCode: n.outputs.exitCode,
        artifacts: n.outputs.artifacts?.map((a) => a.name),
      },
    };
  }
  return {
    phase: wf.status?.phase,
    message: wf.status?.message || undefined,
    outputs: wf.status?.outputs?.parameters?.map((x) => [x.name, x.value]),
    nodes,
  };
}

const dir = mkdtempSync(join(tmpdir(), "wfc-parity-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(why !== undefined)("the harness agrees with wfc run with real containers", () => {
  it.each(cases)("$name: with mocks, and with the same containers", async ({ name, wf, mocks, phase }) => {
    const real = wfc([
      "run",
      "test/testing/fixtures/parity.ts",
      name,
      "--image-map",
      "*=rootfs:/",
      "-o",
      "json",
      "--run-dir",
      join(dir, name),
    ]);
    expect(real.stdout, real.stderr).toMatch(/^\{/);
    const realWf = JSON.parse(real.stdout) as Workflow;
    expect(realWf.status?.phase).toBe(phase);
    expect(real.code).toBe(phase === "Succeeded" ? 0 : 1);

    expect(Object.keys((comparable(realWf) as { nodes: object }).nodes).length).toBeGreaterThanOrEqual(3);

    const mocked = await runWorkflow(wf, { mocks });
    expect(mocked.phase).toBe(phase);
    expect(comparable(mocked.workflow)).toEqual(comparable(realWf));

    const containers = new ContainerExecutor({
      engine: await detectEngine(),
      imageMap: [parseImageMapEntry("*=rootfs:/")],
    });
    const onEngine = await runWorkflow(wf, { engine: containers, clock: realClock });
    expect(onEngine.pods.every((p) => !p.mocked)).toBe(true);
    expect(comparable(onEngine.workflow)).toEqual(comparable(realWf));
  });
});
