// The SDK-side targets of issue 15 and the quadratic paths of issue 19, through the real CLI:
//   - N=50000 vs N=5000 build (the Hera-shaped DAG): time ratio <= 12x, peak memory linear;
//   - 20,000 calls of one template vs 20,000 distinct templates (automatic names must be linear);
//   - `wfc import` of a 200-template manifest: < 1 s;
//   - `wfc lint` of every vendored example in one call: < 3 s.
// Each against `node -e 0`; with BENCH_BEFORE=DIR also the tree in DIR, alternated in one run.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { alternate, root, runs, stats, timeSpawn } from "./lib.mjs";
import { distinctTemplates, heraShape, manyTemplatesYaml, sameTemplate } from "./workloads/shapes.mjs";
import { timeWithRss, variants } from "./workloads/variants.mjs";

export const name = "sdk";

const node = process.execPath;
const fmt = (s) => `median ${s.median.toFixed(0)} ms (best ${s.best.toFixed(0)})`;
const verdict = (ok) => (ok ? "met" : "NOT met");

export async function run({ dir, sizes }) {
  const vs = variants(dir);
  const small = sizes[0] ?? 5000;
  const big = sizes[1] ?? 50000;

  // N=50000 / N=5000, time and peak memory.
  for (const v of vs) {
    const fSmall = v.file(`dag-${small}.ts`, heraShape(small));
    const fBig = v.file(`dag-${big}.ts`, heraShape(big));
    const rs = { small: [], big: [] };
    for (let r = 0; r < runs; r++) {
      rs.small.push(timeWithRss([node, v.bin, "build", fSmall], { cwd: v.home }));
      rs.big.push(timeWithRss([node, v.bin, "build", fBig], { cwd: v.home }));
    }
    const s = stats(rs.small.map((x) => x.ms));
    const b = stats(rs.big.map((x) => x.ms));
    const ms = Math.max(...rs.small.map((x) => x.mib));
    const mb = Math.max(...rs.big.map((x) => x.mib));
    const ratio = b.median / s.median;
    console.log(
      `${v.label}: build N=${big} ${fmt(b)}, ${mb.toFixed(0)} MiB vs N=${small} ${fmt(s)}, ${ms.toFixed(0)} MiB: time ratio ${ratio.toFixed(2)}x (target <= 12x: ${verdict(ratio <= 12)}), memory ratio ${(mb / ms).toFixed(2)}x for ${big / small}x the tasks (linear: <= ${big / small}x: ${verdict(mb / ms <= big / small)})`,
    );
  }

  // 20,000 calls of one template vs 20,000 distinct templates, and node -e 0.
  const calls = 20000;
  const cmds = { "node -e 0": () => timeSpawn(node, ["-e", "0"]).ms };
  for (const v of vs) {
    const same = v.file("same.ts", sameTemplate(calls));
    const distinct = v.file("distinct.ts", distinctTemplates(calls));
    cmds[`${v.label} same`] = () => timeSpawn(node, [v.bin, "build", same], { cwd: v.home }).ms;
    cmds[`${v.label} distinct`] = () => timeSpawn(node, [v.bin, "build", distinct], { cwd: v.home }).ms;
  }
  const calls20k = alternate(cmds);
  for (const v of vs) {
    const same = calls20k[`${v.label} same`];
    const distinct = calls20k[`${v.label} distinct`];
    console.log(
      `${v.label}: ${calls} calls of one template ${fmt(same)} vs ${calls} distinct templates ${fmt(distinct)}: ratio ${(same.median / distinct.median).toFixed(2)}x (linear naming: about 1x or less)`,
    );
  }

  // wfc import of 200 templates; wfc lint of every vendored example.
  const yaml = join(dir, "many-200.yaml");
  writeFileSync(yaml, manyTemplatesYaml(200));
  const examples = join(root, "vendor/argo/examples");
  const base = { "node -e 0": () => timeSpawn(node, ["-e", "0"]).ms };
  for (const v of vs) {
    base[`${v.label} import`] = () => timeSpawn(node, [v.bin, "import", yaml], { cwd: v.home }).ms;
    // Some vendored examples are Argo's expected failures: lint exits 1 for them, by design.
    base[`${v.label} lint`] = () => timeSpawn(node, [v.bin, "lint", examples], { cwd: v.home, allowFailure: true }).ms;
  }
  const io = alternate(base);
  const n0 = io["node -e 0"];
  console.log(`node -e 0: ${fmt(n0)}`);
  for (const v of vs) {
    const imp = io[`${v.label} import`];
    const lint = io[`${v.label} lint`];
    console.log(
      `${v.label}: import of a 200-template manifest ${fmt(imp)} (${(imp.median / n0.median).toFixed(1)}x node -e 0; target < 1000 ms: ${verdict(imp.median < 1000)})`,
    );
    console.log(
      `${v.label}: lint of all vendored examples in one call ${fmt(lint)} (${(lint.median / n0.median).toFixed(1)}x node -e 0; target < 3000 ms: ${verdict(lint.median < 3000)})`,
    );
  }
}
