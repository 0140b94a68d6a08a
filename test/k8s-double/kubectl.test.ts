/**
 * Keeps the double honest: the real kubectl must be able to create, get,
 * print and delete Argo objects through it.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { validateManifest } from "@wfc/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { writeKubeconfig } from "./kubeconfig.js";
import { type K8sDouble, startK8sDouble } from "./server.js";

const run = promisify(execFile);
const kubectlPath = await run("kubectl", ["version", "--client"]).then(
  () => "kubectl",
  () => undefined,
);
if (!kubectlPath) console.warn("kubectl not found on PATH: skipping the kubectl test of the Kubernetes API double");

let k8s: K8sDouble;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  k8s = await startK8sDouble({ tokens: { t0k: "alice" }, validate: validateManifest, controller: { stepMs: 1 } });
  const dir = mkdtempSync(path.join(tmpdir(), "kubectl-"));
  const kubeconfig = writeKubeconfig(
    [{ name: "double", server: k8s.httpsUrl, caPem: k8s.caPem, token: "t0k", namespace: "default" }],
    dir,
  );
  env = { ...process.env, KUBECONFIG: kubeconfig, HOME: dir };
});
afterAll(() => k8s?.close());

const kubectl = async (...args: string[]) => run("kubectl", args, { env });

describe.skipIf(!kubectlPath)("kubectl against the Kubernetes API double", () => {
  it("create -f, get, get -o yaml, delete", async () => {
    const f = path.join(mkdtempSync(path.join(tmpdir(), "wf-")), "wf.yaml");
    writeFileSync(
      f,
      "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: from-kubectl\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n      container:\n        image: alpine\n        command: [echo, hi]\n",
    );
    expect((await kubectl("create", "-f", f)).stdout).toBe("workflow.argoproj.io/from-kubectl created\n");
    expect((await kubectl("get", "workflows")).stdout).toMatch(/^NAME +AGE\nfrom-kubectl +\d+s\n$/);
    const y = parse((await kubectl("get", "wf", "from-kubectl", "-o", "yaml")).stdout);
    expect(y.metadata.name).toBe("from-kubectl");
    expect(y.spec.templates[0].container.image).toBe("alpine");
    // strict server-side field validation reaches the CRD schema check
    writeFileSync(
      f,
      "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: bad\nspec:\n  entrypoint: main\n  bogus: 1\n  templates: []\n",
    );
    await expect(kubectl("create", "-f", f)).rejects.toThrow(/strict decoding error: unknown field "spec\.bogus"/);
    // --validate=warn: the field is dropped and kubectl prints the server's Warning header
    const warned = await kubectl("create", "--validate=warn", "-f", f);
    expect(warned.stdout).toBe("workflow.argoproj.io/bad created\n");
    expect(warned.stderr).toMatch(/Warning: unknown field "spec\.bogus"/);
    expect(k8s.store.get("workflows", "default", "bad").spec.bogus).toBeUndefined();
    await kubectl("delete", "workflow", "bad");
    expect((await kubectl("delete", "workflow", "from-kubectl")).stdout).toBe(
      'workflow.argoproj.io "from-kubectl" deleted\n',
    );
    expect((await kubectl("get", "workflows")).stderr).toMatch(/No resources found in default namespace/);
  });
});

describe.skipIf(!kubectlPath)("kubectl: Argo Events kinds and merge patches", () => {
  it("creates and lists an EventBus and a Sensor, and merge-patches a workflow's spec.shutdown", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ev-"));
    const f = path.join(dir, "ev.yaml");
    writeFileSync(
      f,
      "apiVersion: argoproj.io/v1alpha1\nkind: EventBus\nmetadata:\n  name: default\nspec:\n  jetstream:\n    version: latest\n---\napiVersion: argoproj.io/v1alpha1\nkind: Sensor\nmetadata:\n  name: on-hook\nspec:\n  dependencies:\n    - name: hook\n      eventSourceName: webhook\n      eventName: example\n  triggers:\n    - template:\n        name: log\n        log: {}\n",
    );
    expect((await kubectl("create", "-f", f)).stdout).toBe(
      "eventbus.argoproj.io/default created\nsensor.argoproj.io/on-hook created\n",
    );
    expect((await kubectl("get", "sensors", "-o", "name")).stdout).toBe("sensor.argoproj.io/on-hook\n");
    expect((await kubectl("get", "eb")).stdout).toMatch(/^NAME +AGE\ndefault +\d+s\n$/);
    const wf = path.join(dir, "wf.yaml");
    writeFileSync(
      wf,
      "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: patch-me\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n      container:\n        image: alpine\n",
    );
    await kubectl("create", "-f", wf);
    const patched = await kubectl(
      "patch",
      "workflow",
      "patch-me",
      "--type",
      "merge",
      "-p",
      '{"spec":{"shutdown":"Stop"}}',
    );
    expect(patched.stdout).toBe("workflow.argoproj.io/patch-me patched\n");
    expect(k8s.store.get("workflows", "default", "patch-me").spec.shutdown).toBe("Stop");
    const last = k8s.requests.filter((r) => r.method === "PATCH").at(-1);
    expect(last?.contentType).toBe("application/merge-patch+json");
    expect(last?.body).toEqual({ spec: { shutdown: "Stop" } });
    await kubectl("delete", "sensor", "on-hook");
    expect(k8s.store.list("sensors", "default")).toEqual([]);
  });
});
