/**
 * Shared setup of the cluster e2e tests: the doubles, kubeconfigs pointing at
 * them, manifests, and running the real `wfc` binary as a child process.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateManifest } from "@wfc/sdk";
import { writeKubeconfig } from "../k8s-double/kubeconfig.js";
import { type K8sDouble, type K8sDoubleOptions, startK8sDouble } from "../k8s-double/server.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = path.join(ROOT, "packages/cli/bin/wfc.js");

/** Result of one `wfc` run. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `wfc args...` with `env` added to a clean environment (no ambient KUBECONFIG/ARGO_*). */
export function wfc(
  args: readonly string[],
  env: Record<string, string> = {},
  opts: { onStdout?: (chunk: string) => void; onSpawn?: (child: { kill(signal: NodeJS.Signals): void }) => void } = {},
): Promise<Run> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith("ARGO_") && k !== "KUBECONFIG") base[k] = v;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...base, HOME: tmpHome, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    opts.onSpawn?.(child);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      stdout += c;
      opts.onStdout?.(c);
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const tmpHome = mkdtempSync(path.join(tmpdir(), "wfc-home-"));

/** A scratch directory for test files. */
export function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), "wfc-e2e-"));
}

/** Writes `content` to `name` in a scratch dir and returns the path. */
export function file(name: string, content: string, dir = scratch()): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Tokens the double accepts. */
export const TOKENS = { "admin-token": "alice", "viewer-token": "viewer" } as const;

/** A started double plus a kubeconfig with contexts for every scenario. */
export interface Cluster {
  readonly k8s: K8sDouble;
  readonly kubeconfig: string;
  /** Env for running wfc against context `admin`. */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts the Kubernetes double (with the SDK's CRD validator) and writes a kubeconfig with contexts:
 * `admin` (HTTPS, CA, token), `plain` (HTTP), `viewer` (cannot create/delete), `badtoken`, `noca` (no CA),
 * `refused` (nothing listening).
 */
export async function startCluster(options: K8sDoubleOptions = {}): Promise<Cluster> {
  const k8s = await startK8sDouble({
    tokens: TOKENS,
    forbid: [{ user: "viewer", verbs: ["create", "delete", "update", "patch"] }],
    validate: validateManifest,
    controller: { stepMs: 5 },
    ...options,
  });
  const kubeconfig = writeKubeconfig([
    { name: "admin", server: k8s.httpsUrl, caPem: k8s.caPem, token: "admin-token", namespace: "ci" },
    { name: "plain", server: k8s.httpUrl, token: "admin-token", namespace: "ci" },
    { name: "viewer", server: k8s.httpsUrl, caPem: k8s.caPem, token: "viewer-token", namespace: "ci" },
    { name: "badtoken", server: k8s.httpsUrl, caPem: k8s.caPem, token: "wrong-secret-token", namespace: "ci" },
    { name: "noca", server: k8s.httpsUrl, token: "admin-token", namespace: "ci" },
    { name: "refused", server: "https://127.0.0.1:1", caPem: k8s.caPem, token: "admin-token", namespace: "ci" },
  ]);
  return { k8s, kubeconfig, env: { KUBECONFIG: kubeconfig }, close: () => k8s.close() };
}

/** A DAG workflow: `a` echoes the `message` parameter, `b` runs after it (and fails when `fail` is true). */
export function dagYaml(opts: { fail?: boolean; name?: string } = {}): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  ${opts.name ? `name: ${opts.name}` : "generateName: hello-"}
spec:
  entrypoint: main
  arguments:
    parameters:
      - name: message
        value: hello
        enum: [hello, hi, bonjour]
  templates:
    - name: main
      dag:
        tasks:
          - name: a
            template: echo
            arguments:
              parameters: [{ name: text, value: "{{workflow.parameters.message}}" }]
          - name: b
            template: ${opts.fail ? "boom" : "echo"}
            dependencies: [a]
            arguments:
              parameters: [{ name: text, value: "b ran" }]
    - name: echo
      inputs:
        parameters: [{ name: text }]
      container:
        image: alpine:3.20
        command: [echo, "{{inputs.parameters.text}}"]
    - name: boom
      inputs:
        parameters: [{ name: text }]
      container:
        image: alpine:3.20
        command: [sh, -c, "echo going down; exit 3"]
`;
}

/** A WorkflowTemplate `greet` with parameter `who`. */
export const TEMPLATE_YAML = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: greet
spec:
  entrypoint: main
  arguments:
    parameters:
      - name: who
        value: world
  templates:
    - name: main
      container:
        image: alpine:3.20
        command: [echo, "hello {{workflow.parameters.who}}"]
`;

/** A CronWorkflow `nightly`. */
export const CRON_YAML = `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: nightly
spec:
  schedules: ["0 3 * * *"]
  workflowSpec:
    entrypoint: main
    templates:
      - name: main
        container:
          image: alpine:3.20
          command: [echo, nightly]
`;
