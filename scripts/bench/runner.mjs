// The local runner (`wfc run`): its own overhead.
//  1. A 1000-task DAG of in-process nodeScript tasks (10 blocks of 10 chains of 10: each task takes
//     the previous one's result), through the real CLI: load, compile, lint, schedule, run, print. Target < 3 s.
//  2. Per-container overhead over the engine's own `run`: N sequential `podman run --rm` of a
//     container that does nothing, against N pods through the runner's container executor (each
//     pod: run attached, exit code, removal), and against `wfc run` of an N-step workflow.
//     Target < 10%.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root, runs } from "./lib.mjs";

export const name = "runner";

export async function run({ dir }) {
  await runnerBench(dir);
}

async function runnerBench(dir) {
  const work = join(dir, "runner");
  mkdirSync(work, { recursive: true });
  const wfc = join(root, "packages/cli/bin/wfc.js");
  const dag = join(work, "dag-1000.ts");
  writeFileSync(
    dag,
    `import { dag, nodeScript, workflow, z } from "@wfc/sdk";
export const step = nodeScript({ inputs: { x: z.number() }, result: z.number(), run: function step({ x }) { return x + 1; } });
// Argo's CRD allows 200 tasks per DAG: 10 blocks of 100 tasks (10 chains of 10), one after the other.
export const block = dag({ name: "block", inputs: { seed: z.number() } }, ({ seed }) => {
  for (let c = 0; c < 10; c++) {
    let prev: { result: unknown } | undefined;
    for (let d = 0; d < 10; d++) prev = step({ x: prev ? (prev.result as never) : seed });
  }
});
export default workflow({ name: "bench-dag-1000" }, () => {
  let prev: unknown;
  for (let b = 0; b < 10; b++) prev = block({ seed: b * 100 }, prev ? { after: [prev as never] } : {});
});
`,
  );
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    const p = spawnSync(process.execPath, [wfc, "run", dag, "--run-dir", join(work, "run-dag")], {
      cwd: work,
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (p.status !== 0) {
      console.error(p.stdout.slice(-2000), p.stderr);
      process.exit(1);
    }
    best = Math.min(best, ms);
  }
  console.log(
    `runner: 1000-task in-process nodeScript DAG via wfc run: ${best.toFixed(0)} ms (best of ${runs}; target < 3000 ms: ${best < 3000 ? "met" : "NOT met"})`,
  );

  const runner = await import(join(root, "packages/runner/dist/index.js"));
  let engine;
  try {
    engine = await runner.detectEngine();
  } catch (e) {
    console.log(`runner: container overhead skipped: ${e.message}`);
    return;
  }
  if (engine.kind !== "podman") {
    console.log(
      `runner: container overhead skipped: the benchmark uses rootfs:/ (podman), the engine is ${engine.bin}`,
    );
    return;
  }
  const N = Number(process.env.BENCH_CONTAINERS ?? 10);
  const bare = () => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) {
      const p = spawnSync(engine.bin, ["run", "--rm", "--label", "wfc.run=bench-bare", "--rootfs", "/:O", "true"]);
      if (p.status !== 0) throw new Error(`podman run failed: ${p.stderr}`);
    }
    return Number(process.hrtime.bigint() - t0) / 1e6 / N;
  };
  const viaExecutor = async () => {
    const ex = new runner.ContainerExecutor({ engine, imageMap: [runner.parseImageMapEntry("*=rootfs:/")] });
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) {
      const podName = `bench-exec-${process.pid}-${i}`;
      const r = await ex.run({
        nodeId: podName,
        nodeName: podName,
        podName,
        workflowName: "bench-exec",
        template: { name: "noop", container: { image: "noop", command: ["true"] } },
        templateName: "noop",
        retry: 0,
        stage: [],
        collect: [],
        volumes: [],
        workdir: join(work, podName),
        signal: new AbortController().signal,
        onLog: () => {},
      });
      if (r.exitCode !== 0) throw new Error(`executor pod failed: ${r.message}`);
    }
    await ex.close(); // the last removals
    return Number(process.hrtime.bigint() - t0) / 1e6 / N;
  };
  const steps = join(work, "steps.yaml");
  writeFileSync(
    steps,
    `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: { name: bench-steps }
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
${Array.from({ length: N }, (_, i) => `        - - { name: s${i}, template: noop }`).join("\n")}
    - name: noop
      container: { image: noop, command: ["true"] }
`,
  );
  const viaCli = () => {
    const t0 = process.hrtime.bigint();
    const p = spawnSync(
      process.execPath,
      [wfc, "run", steps, "--image-map", "*=rootfs:/", "--run-dir", join(work, "run-steps")],
      { cwd: work, encoding: "utf8" },
    );
    if (p.status !== 0) throw new Error(`wfc run failed: ${p.stdout.slice(-1000)} ${p.stderr}`);
    return Number(process.hrtime.bigint() - t0) / 1e6 / N;
  };
  bare(); // warm the engine's caches
  const b = [],
    e = [],
    c = [];
  for (let r = 0; r < runs; r++) {
    b.push(bare());
    e.push(await viaExecutor());
    c.push(viaCli());
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const mb = median(b),
    me = median(e),
    mc = median(c);
  const pct = (x) => `${(((x - mb) / mb) * 100).toFixed(1)}%`;
  console.log(
    `runner: per container (N=${N} sequential, median of ${runs}): bare podman run --rm ${mb.toFixed(0)} ms; executor pod ${me.toFixed(0)} ms (overhead ${pct(me)}; target < 10%: ${me - mb < mb * 0.1 ? "met" : "NOT met"}); wfc run of ${N} steps ${mc.toFixed(0)} ms per step (${pct(mc)}, CLI start and scheduling included)`,
  );
}
