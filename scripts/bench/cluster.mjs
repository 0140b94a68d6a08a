// Cluster commands against the Kubernetes API double (test/k8s-double), side by side with kubectl
// doing the same against the same server, alternating in each round:
//   get     `wfc get NAME`               vs `kubectl get workflow NAME`
//   list    `wfc list` (20 workflows)    vs `kubectl get workflows`
//   list    2005 workflows, `-o name`    vs `kubectl get workflows -o name`
//   submit  `wfc submit wf.yaml`         vs `kubectl create -f wf.yaml`
//   get     the same with a YAML kubeconfig (as `kubectl config view --raw` writes one; the double's
//           own kubeconfig is JSON, which wfc reads without its YAML parser)
// kubectl runs with a discovery cache of its own, warmed first (as on a workstation); a second
// baseline line gives kubectl with a cold cache for `get`. Target: each within 1.5x kubectl (issue 15).
// `node -e 0` is printed too: the floor of any Node CLI on this machine; and, in the `get` rounds, a
// bare Node script doing the same HTTPS GET without any library: the floor of any Node client. BENCH_WFC_BEFORE=path/to/wfc.js
// adds that (older) build of wfc to each round, for before/after numbers measured side by side.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { alternate, ratioLine, root, runs, timeSpawn, wfc } from "./lib.mjs";

export const name = "cluster";

const TARGET = 1.5;

/** Starts the double in a child process (it is TypeScript: run through tsx); resolves with its kubeconfig. */
function startDouble(dir) {
  const starter = join(dir, "start-double.mts");
  writeFileSync(
    starter,
    `import { startK8sDouble } from ${JSON.stringify(join(root, "test/k8s-double/server.ts"))};
import { writeKubeconfig } from ${JSON.stringify(join(root, "test/k8s-double/kubeconfig.ts"))};
const k8s = await startK8sDouble({ tokens: { "bench-token": "bench" }, controller: { stepMs: 5 } });
k8s.controller.stop();
const wf = (name: string, ns: string) => ({
  apiVersion: "argoproj.io/v1alpha1", kind: "Workflow", metadata: { name, namespace: ns },
  spec: { entrypoint: "main", templates: [{ name: "main", container: { image: "alpine", command: ["true"] } }] },
  status: { phase: "Succeeded", progress: "1/1" },
});
for (let i = 0; i < 20; i++) k8s.store.create("workflows", "default", wf("bench-" + i, "default"));
for (let i = 0; i < 2005; i++) k8s.store.create("workflows", "big", wf("big-" + String(i).padStart(5, "0"), "big"));
const kc = writeKubeconfig([{ name: "double", server: k8s.httpsUrl, caPem: k8s.caPem, token: "bench-token", namespace: "default" }], ${JSON.stringify(dir)});
const { readFileSync, writeFileSync } = await import("node:fs");
const { stringify } = await import("yaml");
writeFileSync(kc + ".yaml", stringify(JSON.parse(readFileSync(kc, "utf8"))));
console.log(kc);
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
`,
  );
  const child = spawn(join(root, "node_modules/.bin/tsx"), [starter], {
    cwd: root,
    stdio: ["pipe", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (c) => {
      out += c;
      const nl = out.indexOf("\n");
      if (nl >= 0) resolve({ kubeconfig: out.slice(0, nl).trim(), stop: () => child.stdin.end() });
    });
    child.on("exit", (code) => reject(new Error(`the API double exited (${code})`)));
  });
}

export async function run({ dir }) {
  const kubectl = spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" });
  if (kubectl.status !== 0) {
    console.log("cluster: kubectl not found; skipped");
    return;
  }
  mkdirSync(dir, { recursive: true });
  const { kubeconfig, stop } = await startDouble(dir);
  try {
    const cache = join(dir, "kube-cache");
    const env = { ...process.env, KUBECONFIG: kubeconfig, HOME: dir };
    delete env.ARGO_SERVER;
    delete env.ARGO_TOKEN;
    const opts = { env, cwd: dir };
    const k =
      (...args) =>
      () =>
        timeSpawn("kubectl", [...args, "--cache-dir", cache], opts).ms;
    const w =
      (...args) =>
      () =>
        timeSpawn(process.execPath, [wfc, ...args], opts).ms;
    const before = process.env.BENCH_WFC_BEFORE;
    const b =
      (...args) =>
      () =>
        timeSpawn(process.execPath, [before, ...args], opts).ms;
    const manifest = join(dir, "wf.yaml");
    writeFileSync(
      manifest,
      `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: bench-submit-
spec:
  entrypoint: main
  templates:
    - name: main
      container:
        image: alpine:3.20
        command: [echo, hi]
`,
    );
    // warm kubectl's discovery cache and check that every command works
    for (const f of [k("get", "workflows"), w("list"), w("get", "bench-0"), w("submit", manifest)]) f();
    const rounds = Math.max(runs, 5);
    const node = alternate({ node: () => timeSpawn(process.execPath, ["-e", "0"], opts).ms }, rounds).node;
    console.log(`cluster: node -e 0: median ${node.median.toFixed(0)} ms (best ${node.best.toFixed(0)})`);
    const version = alternate({ v: w("--version") }, rounds).v;
    console.log(
      `cluster: wfc --version (the CLI's fixed start-up, no cluster code): median ${version.median.toFixed(0)} ms (best ${version.best.toFixed(0)})`,
    );
    const cases = [
      ["get", ["get", "bench-0"], k("get", "workflow", "bench-0")],
      ["list (20 workflows)", ["list"], k("get", "workflows")],
      [
        "list (2005 workflows, -o name)",
        ["list", "-n", "big", "-o", "name"],
        k("get", "workflows", "-n", "big", "-o", "name"),
      ],
      ["submit", ["submit", manifest], k("create", "-f", manifest)],
      [
        "get (YAML kubeconfig)",
        ["get", "bench-0", "--kubeconfig", `${kubeconfig}.yaml`],
        k("get", "workflow", "bench-0", "--kubeconfig", `${kubeconfig}.yaml`),
      ],
    ];
    // The floor of any Node client: a script with no library doing the one HTTPS GET of `wfc get`
    // (Node's start, its https/tls modules, the TLS handshake), alternated with the `get` case.
    const floorScript = join(dir, "floor.cjs");
    writeFileSync(
      floorScript,
      `const c = JSON.parse(require("node:fs").readFileSync(process.env.KUBECONFIG, "utf8")).clusters[0].cluster;
const url = new URL(c.server + "/apis/argoproj.io/v1alpha1/namespaces/default/workflows/bench-0");
const ca = Buffer.from(c["certificate-authority-data"], "base64");
require("node:https").get(url, { ca, headers: { authorization: "Bearer bench-token" } }, (res) => {
  let body = "";
  res.setEncoding("utf8").on("data", (d) => (body += d)).on("end", () => {
    if (res.statusCode !== 200) process.exit(1);
    process.stdout.write(JSON.parse(body).metadata.name + "\\n");
  });
});
`,
    );
    const floorRun = () => timeSpawn(process.execPath, [floorScript], opts);
    if (floorRun().stdout !== "bench-0\n") throw new Error("the floor script did not get bench-0");
    for (const [label, args, kubectlRun] of cases) {
      const floor = label === "get" ? { floor: () => floorRun().ms } : {};
      const r = alternate(
        { wfc: w(...args), kubectl: kubectlRun, ...floor, ...(before ? { before: b(...args) } : {}) },
        rounds,
      );
      console.log(ratioLine(`cluster: wfc ${label}`, r.wfc, r.kubectl, "kubectl", TARGET));
      if (r.floor) {
        console.log(
          ratioLine(
            "cluster:   floor: bare Node https.get of the same workflow, no library",
            r.floor,
            r.kubectl,
            "kubectl",
          ),
        );
        console.log(ratioLine("cluster:   wfc get vs that floor", r.wfc, r.floor, "floor"));
      }
      if (r.before)
        console.log(ratioLine(`cluster:   before (${before}) ${label}`, r.before, r.kubectl, "kubectl", TARGET));
    }
    const cold = alternate(
      {
        kubectl: () =>
          timeSpawn("kubectl", ["get", "workflow", "bench-0", "--cache-dir", join(dir, `cold-${Math.random()}`)], opts)
            .ms,
      },
      rounds,
    ).kubectl;
    console.log(
      `cluster: kubectl get with a cold discovery cache (for reference): median ${cold.median.toFixed(0)} ms (best ${cold.best.toFixed(0)})`,
    );
  } finally {
    stop();
  }
}
