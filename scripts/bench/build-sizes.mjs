// `wfc build` of a DAG of N tasks through the real CLI, each task with its own container
// template (one input parameter, one output parameter); task i depends on tasks i-1 and i-2 and
// receives task i-1's output as its input. Prints wall time and peak memory (max RSS) per N.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { root, runs } from "./lib.mjs";

export const name = "build-sizes";

export async function run({ dir, sizes }) {
  const Ns = sizes.length ? sizes : [100, 1000, 5000, 50000];
  const timeBin = "/usr/bin/time";
  const results = [];
  for (const n of Ns) {
    const file = join(dir, `bench-${n}.ts`);
    writeFileSync(file, pipeline(n));
    let best = Infinity;
    let peak = 0;
    let bytes = 0;
    for (let r = 0; r < runs; r++) {
      const t0 = process.hrtime.bigint();
      const p = spawnSync(
        timeBin,
        ["-f", "%M", process.execPath, join(root, "packages/cli/bin/wfc.js"), "build", file],
        {
          encoding: "utf8",
          maxBuffer: 1 << 30,
        },
      );
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (p.status !== 0) {
        console.error(p.stderr);
        process.exit(1);
      }
      const kb = Number(p.stderr.trim().split("\n").pop());
      best = Math.min(best, ms);
      peak = Math.max(peak, kb);
      bytes = p.stdout.length;
    }
    results.push({ n, ms: best, mb: peak / 1024, bytes });
    console.log(
      `N=${String(n).padStart(6)}  wall ${best.toFixed(0).padStart(6)} ms (best of ${runs})  peak RSS ${(peak / 1024).toFixed(0).padStart(5)} MiB  output ${(bytes / 1e6).toFixed(1)} MB`,
    );
  }
  const r5 = results.find((r) => r.n === 5000);
  const r50 = results.find((r) => r.n === 50000);
  if (r5 && r50) console.log(`N=50000 / N=5000 time ratio: ${(r50.ms / r5.ms).toFixed(1)} (target <= 12)`);
  if (r5) console.log(`N=5000 target < 1000 ms: ${r5.ms < 1000 ? "met" : "NOT met"}`);
}

function pipeline(n) {
  return `import { container, param, workflow, z } from "@wfc/sdk";

const N = ${n};
// Schemas are values: one per type, shared by every template (as a generator of templates would).
const Text = z.string();
const TextOut = param(Text, { valueFrom: { path: "/tmp/y" } });

export default workflow({ name: "bench-${n}" }, () => {
  let prev: ReturnType<typeof makeStep>["call"] | undefined;
  let prev2: typeof prev;
  for (let i = 0; i < N; i++) {
    const { call } = makeStep(i, prev, prev2);
    prev2 = prev;
    prev = call;
  }
});

function makeStep(i: number, prev: any, prev2: any) {
  const step = container(
    {
      name: \`step-\${i}\`,
      inputs: { x: Text },
      outputs: { y: TextOut },
    },
    ({ x }) => ({ image: "alpine:3.20", command: ["sh", "-c"], args: [\`echo \${x}-\${i} > /tmp/y\`] }),
  );
  const call = step({ x: prev ? prev.outputs.y : "start" }, { after: prev2 ? [prev2] : [] });
  return { call };
}
`;
}
