// Issue 15's headline: wfc builds the N=5000 Hera-shaped DAG at least 30x faster than Hera 7.0,
// alternating the two in one run. Hera is not vendored (never commit its code): point HERA_SRC at
// a directory holding its `hera` package, e.g.
//   git --git-dir=<snapshot of argoproj-labs/hera> archive 7.0.0 src | tar -x -C /tmp/hera7  # HERA_SRC=/tmp/hera7/src
// Without it (or without python3 and pydantic 2) the suite says so and skips.
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { alternate, root } from "./lib.mjs";
import { heraScript, heraShape } from "./workloads/shapes.mjs";
import { variants } from "./workloads/variants.mjs";

export const name = "hera";

export async function run({ dir, sizes }) {
  const n = sizes[0] ?? 5000;
  const src = process.env.HERA_SRC ?? "/tmp/hera7/src";
  const env = { ...process.env, PYTHONPATH: src };
  if (!existsSync(join(src, "hera", "workflows"))) {
    console.log(
      `hera: skipped: no Hera sources at ${src} (set HERA_SRC to a directory holding Hera 7.0's 'hera' package)`,
    );
    return;
  }
  const probe = spawnSync("python3", ["-c", "import hera.workflows"], { env, encoding: "utf8" });
  if (probe.status !== 0) {
    console.log(
      `hera: skipped: python3 cannot import Hera from ${src}: ${String(probe.stderr).trim().split("\n").pop()}`,
    );
    return;
  }
  const script = join(dir, "hera_dag.py");
  writeFileSync(script, heraScript());
  const vs = variants(dir);
  const files = vs.map((v) => v.file(`dag-${n}.ts`, heraShape(n)));

  // Same manifest, Kubernetes-equal (checked once, not timed).
  const hera = spawnSync("python3", [script, String(n)], { env, encoding: "utf8", maxBuffer: 1 << 30 });
  const ours = spawnSync(process.execPath, [vs[0].bin, "build", files[0]], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (hera.status !== 0 || ours.status !== 0) throw new Error(`a build failed: ${hera.stderr}${ours.stderr}`);
  const { k8sEqual, parseK8sYaml } = await import(join(root, "packages/sdk/dist/index.js"));
  const eq = k8sEqual(parseK8sYaml(ours.stdout), parseK8sYaml(hera.stdout));
  console.log(
    `N=${n}: wfc's manifest equals Hera's: ${eq.equal}${eq.equal ? "" : ` (${JSON.stringify(eq.diffs.slice(0, 3))})`}`,
  );

  const cmds = { "Hera 7.0": () => time("python3", [script, String(n)], { env }) };
  vs.forEach((v, i) => {
    cmds[v.label] = () => time(process.execPath, [v.bin, "build", files[i]], { cwd: v.home });
  });
  const r = alternate(cmds, Number(process.env.BENCH_RUNS ?? 3));
  const h = r["Hera 7.0"];
  console.log(`Hera 7.0 N=${n}: median ${h.median.toFixed(0)} ms (best ${h.best.toFixed(0)})`);
  for (const v of vs) {
    const w = r[v.label];
    const speedup = h.median / w.median;
    console.log(
      `${v.label} N=${n}: median ${w.median.toFixed(0)} ms (best ${w.best.toFixed(0)}): ${speedup.toFixed(1)}x faster than Hera by median, ${(h.best / w.best).toFixed(1)}x by best; target >= 30x: ${speedup >= 30 ? "met" : "NOT met"}`,
    );
  }
}

function time(cmd, args, options) {
  const t0 = process.hrtime.bigint();
  const p = spawnSync(cmd, args, {
    encoding: "utf8",
    maxBuffer: 1 << 30,
    stdio: ["ignore", "ignore", "pipe"],
    ...options,
  });
  if (p.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${p.status}: ${String(p.stderr).slice(-1000)}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
