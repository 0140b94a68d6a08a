/**
 * `get`, `list`/`ls`, `logs` and `delete` start from one bundled CommonJS script with a V8 code
 * cache (packages/cli/src/cluster-main.ts, cluster-start.ts): what they print and their exit codes
 * are those of the program every other command runs (dist/main.js), byte for byte.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { type Cluster, dagYaml, file, ROOT, type Run, scratch, startCluster, TEMPLATE_YAML, wfc } from "./harness.js";

const BIN = path.join(ROOT, "packages/cli/bin/wfc.js");
// the program as bin/wfc.js runs it for every other command
const NORMAL = path.join(scratch(), "normal.mjs");
writeFileSync(
  NORMAL,
  `const { main, endEsbuildProcesses } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, "packages/cli/dist/main.js")).href)});
const code = await main(process.argv);
await endEsbuildProcesses();
process.exit(code);
`,
);

function run(script: string, args: readonly string[], env: Record<string, string>, cwd: string): Promise<Run> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith("ARGO_") && k !== "KUBECONFIG" && k !== "WFC_CACHE_DIR") base[k] = v;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...base, HOME: home, ...env },
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const home = scratch();
let c: Cluster;
let cache: string;
let env: Record<string, string>;
const plainDir = scratch();

/**
 * Runs `args` through the bin (the bundle) and through dist/main.js and expects the same output
 * and exit code. Ages in tables tick each second: a pair that differs is run again (twice at most).
 */
async function same(args: readonly string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<Run> {
  const e = { ...env, ...opts.env };
  const cwd = opts.cwd ?? plainDir;
  let fast = await run(BIN, args, e, cwd);
  let normal = await run(NORMAL, args, e, cwd);
  for (let i = 0; i < 2 && JSON.stringify(fast) !== JSON.stringify(normal); i++) {
    fast = await run(BIN, args, e, cwd);
    normal = await run(NORMAL, args, e, cwd);
  }
  expect(fast, `wfc ${args.join(" ")}`).toEqual(normal);
  return fast;
}

beforeAll(async () => {
  c = await startCluster();
  cache = path.join(scratch(), "cache");
  env = { ...c.env, WFC_CACHE_DIR: cache };
  for (const name of ["fast-1", "fast-2"]) {
    const r = await wfc(["submit", file("wf.yaml", dagYaml({ name })), "--wait", "-n", "ci"], c.env);
    expect(r.code, r.stderr).toBe(0);
  }
  expect((await wfc(["apply", file("t.yaml", TEMPLATE_YAML)], c.env)).code).toBe(0);
  // ages in tables: days, so that both runs of a pair print the same
  const created = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, "Z");
  for (const [resource, name] of [
    ["workflows", "fast-1"],
    ["workflows", "fast-2"],
    ["workflowtemplates", "greet"],
  ] as const)
    c.k8s.store.mutate(resource, "ci", name, (o) => {
      (o.metadata as { creationTimestamp?: string }).creationTimestamp = created;
    });
}, 120_000);
afterAll(() => c?.close());

describe("the cluster commands' bundle", () => {
  it("is what runs them: a code cache appears in WFC_CACHE_DIR (and only for them)", async () => {
    expect((await run(BIN, ["--version"], env, plainDir)).code).toBe(0);
    expect(existsSync(cache) ? readdirSync(cache).filter((n) => n.startsWith("v8-")) : []).toEqual([]);
    const r = await run(BIN, ["get", "fast-1"], env, plainDir);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(cache).filter((n) => n.startsWith("v8-"))).toHaveLength(1);
  });

  it.each([
    [["get", "fast-1"]],
    [["get", "fast-1", "-o", "yaml"]],
    [["get", "fast-1", "-o", "json"]],
    [["get", "fast-1", "-o", "name"]],
    [["get", "fast-1", "-o", "wide"]],
    [["get", "workflowtemplate/greet"]],
    [["get", "workflowtemplate/greet", "-o", "yaml"]],
    [["get", "fast-1", "--context", "plain"]],
    [["get", "fast-1", "-n", "elsewhere"]],
    [["get", "nope"]],
    [["get", "fast-1", "--context", "no-such-context"]],
    [["get", "fast-1", "-o", "toml"]],
    [["get"]],
    [["get", "--help"]],
    [["list"]],
    [["ls", "-o", "name"]],
    [["list", "-o", "wide"]],
    [["list", "-o", "yaml"]],
    [["list", "-A"]],
    [["list", "workflowtemplates"]],
    [["list", "--phase", "Succeeded"]],
    [["list", "--phase", "Sideways"]],
    [["list", "-n", "empty"]],
    [["list", "--bogus"]],
    [["list", "--help"]],
    [["logs", "fast-1"]],
    [["logs", "nope"]],
    [["logs", "--help"]],
    [["delete", "fast-2", "--dry-run"]],
    [["delete", "nope"]],
    [["delete", "--help"]],
    // not one of the bundle's commands: handed to dist/main.js
    [["--context", "plain", "get", "fast-1"]],
    [["--verbose", "list", "-o", "name"]],
  ])("wfc %j prints and exits as dist/main.js does", async (args) => {
    await same(args);
  });

  it("an error of the client (a wfc error, exit 1), with --verbose the stack", async () => {
    const r = await same(["get", "nope"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: getting Workflow "nope" in namespace "ci": NotFound/);
    const verbose = await run(BIN, ["get", "nope", "--verbose"], env, plainDir);
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(/^error: getting Workflow "nope".*\n.*ClusterError/s);
  });

  it("a YAML kubeconfig, KUBECONFIG with two files", async () => {
    const dir = scratch();
    const yamlConfig = path.join(dir, "config.yaml");
    writeFileSync(yamlConfig, stringify(JSON.parse(readFileSync(c.kubeconfig, "utf8"))));
    expect((await same(["get", "fast-1"], { env: { KUBECONFIG: yamlConfig } })).code).toBe(0);
    const other = path.join(dir, "other.yaml");
    writeFileSync(other, "apiVersion: v1\nkind: Config\ncurrent-context: plain\n");
    const two = await same(["list", "-o", "name"], { env: { KUBECONFIG: [other, c.kubeconfig].join(path.delimiter) } });
    expect(two.stdout).toContain("workflow.argoproj.io/fast-1\n");
  });

  it("the project configuration's namespace applies; a bad configuration is E_CONFIG, exit 1", async () => {
    const project = scratch();
    writeFileSync(path.join(project, "wfc.config.json"), JSON.stringify({ namespace: "ci" }));
    const ok = await same(["list", "-o", "name", "--context", "plain"], { cwd: project });
    expect(ok.stdout).toContain("fast-1");
    const bad = scratch();
    writeFileSync(path.join(bad, "wfc.config.json"), JSON.stringify({ namespace: "Not A Label" }));
    const r = await same(["list"], { cwd: bad });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E_CONFIG/);
  });

  it("get --report writes the same page", async () => {
    const dir = scratch();
    const report = path.join(dir, "r.html");
    const r = await same(["get", "fast-1", "--report", report]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(report, "utf8")).toContain("fast-1");
  });

  it("a corrupt code cache is ignored and rewritten; an unusable cache directory only means none", async () => {
    const own = path.join(scratch(), "cache");
    const first = await run(BIN, ["get", "fast-1", "-o", "name"], { ...env, WFC_CACHE_DIR: own }, plainDir);
    expect(first).toEqual({ code: 0, stdout: "workflow.argoproj.io/fast-1\n", stderr: "" });
    const [name] = readdirSync(own).filter((n) => n.startsWith("v8-"));
    const cacheFile = path.join(own, name!);
    const good = readFileSync(cacheFile);
    writeFileSync(cacheFile, Buffer.concat([good.subarray(0, 1000), Buffer.alloc(good.length - 1000, 7)]));
    const again = await run(BIN, ["get", "fast-1", "-o", "name"], { ...env, WFC_CACHE_DIR: own }, plainDir);
    expect(again).toEqual(first);
    expect(
      readFileSync(cacheFile)
        .subarray(1000)
        .equals(Buffer.alloc(good.length - 1000, 7)),
    ).toBe(false);
    const blocker = path.join(scratch(), "a-file");
    writeFileSync(blocker, "");
    const none = await run(
      BIN,
      ["get", "fast-1", "-o", "name"],
      { ...env, WFC_CACHE_DIR: path.join(blocker, "cache") },
      plainDir,
    );
    expect(none).toEqual(first);
  });

  it("without the bundle (dist built by tsc alone), the same commands run from dist/main.js", async () => {
    const install = scratch();
    symlinkSync(path.join(ROOT, "node_modules"), path.join(install, "node_modules"));
    for (const part of ["bin", "dist", "package.json"])
      cpSync(path.join(ROOT, "packages/cli", part), path.join(install, "cli", part), {
        recursive: true,
        filter: (src) => !/bundle-cluster/.test(path.basename(src)),
      });
    expect(existsSync(path.join(install, "cli/dist/bundle-cluster.cjs"))).toBe(false);
    const r = await run(path.join(install, "cli/bin/wfc.js"), ["get", "fast-1", "-o", "name"], env, plainDir);
    expect(r).toEqual({ code: 0, stdout: "workflow.argoproj.io/fast-1\n", stderr: "" });
  });
});
