import type { Template } from "@wfc/sdk/argo";
import { describe, expect, it } from "vitest";
import type { PodRequest } from "../executor.js";
import { InProcessExecutor, isNodeScript } from "./in-process.js";

function request(
  source: string,
  env: Record<string, string> = {},
  signal = new AbortController().signal,
): PodRequest & { logs: string[] } {
  const logs: string[] = [];
  const template: Template = {
    name: "t",
    script: {
      image: "node:22",
      command: ["node"],
      source,
      env: Object.entries(env).map(([name, value]) => ({ name, value })),
      args: ["/argo/staging/script"],
    },
  };
  return {
    nodeId: "n",
    nodeName: "wf.t",
    podName: "wf-t-1",
    workflowName: "wf",
    template,
    templateName: "t",
    retry: 0,
    stage: [],
    collect: [],
    volumes: [],
    workdir: "/nonexistent",
    signal,
    onLog: (l, s) => logs.push(`${s}: ${l}`),
    logs,
  };
}

const ex = new InProcessExecutor();

describe("InProcessExecutor", () => {
  it("runs the source nodeScript generates: env in, result on stdout", async () => {
    const src = `const run = function plusOne({ x }) { return x + 1; };
const inputs = { "x": Number(process.env.WFC_INPUT_0) };
Promise.resolve(run(inputs)).then((r) => {
  if (r !== void 0) process.stdout.write(typeof r === "string" ? r : JSON.stringify(r));
});
`;
    expect(await ex.run(request(src, { WFC_INPUT_0: "41" }))).toEqual({ exitCode: 0, stdout: "42" });
  });

  it("captures console.log line by line and streams stderr", async () => {
    const req = request(`console.log("a", 1); console.error("bad"); process.stdout.write("b\\nc")`);
    const r = await ex.run(req);
    expect(r).toEqual({ exitCode: 0, stdout: "a 1\nb\nc" });
    expect(req.logs).toEqual(["stdout: a 1", "stderr: bad", "stdout: b", "stdout: c"]);
  });

  it("waits for async work: promises and timers", async () => {
    expect(
      await ex.run(
        request(
          `setTimeout(() => console.log("late"), 20); (async () => { await new Promise((r) => setTimeout(r, 10)); console.log("early"); })()`,
        ),
      ),
    ).toEqual({ exitCode: 0, stdout: "early\nlate\n" });
  });

  it("a thrown error or a rejected promise exits 1 with the error on stderr", async () => {
    const t = request(`throw new Error("boom")`);
    expect(await ex.run(t)).toMatchObject({ exitCode: 1, stdout: "" });
    expect(t.logs).toContain("stderr: Error: boom");
    const r = request(`Promise.reject(new TypeError("nope"))`);
    expect(await ex.run(r)).toMatchObject({ exitCode: 1 });
    expect(r.logs[0]).toBe("stderr: TypeError: nope");
  });

  it("process.exit and process.exitCode set the exit code", async () => {
    expect(await ex.run(request(`console.log("x"); process.exit(3); console.log("never")`))).toEqual({
      exitCode: 3,
      stdout: "x\n",
    });
    expect(await ex.run(request(`process.exitCode = 4`))).toEqual({ exitCode: 4, stdout: "" });
    expect(await ex.run(request(`Promise.resolve().then(() => process.exit(5))`))).toEqual({ exitCode: 5, stdout: "" });
  });

  it("requires Node built-ins only", async () => {
    expect(
      await ex.run(
        request(
          `const os = require("node:os"); const path = require("path"); console.log(path.join("a", "b"), typeof os.cpus)`,
        ),
      ),
    ).toEqual({ exitCode: 0, stdout: "a/b function\n" });
    const r = request(`require("lodash")`);
    expect((await ex.run(r)).exitCode).toBe(1);
    expect(r.logs.join("\n")).toContain("Cannot find module 'lodash'");
  });

  it("stops when aborted", async () => {
    const ac = new AbortController();
    const p = ex.run(request(`setTimeout(() => {}, 60000)`, {}, ac.signal));
    ac.abort();
    expect(await p).toMatchObject({ exitCode: 137, phase: "Failed" });
  });

  it("knows node scripts", () => {
    expect(isNodeScript({ name: "a", script: { image: "node", command: ["node"], source: "" } })).toBe(true);
    expect(isNodeScript({ name: "a", script: { image: "python", command: ["python"], source: "" } })).toBe(false);
    expect(isNodeScript({ name: "a", container: { image: "node", command: ["node"] } })).toBe(false);
  });

  it("runs 1000 scripts", async () => {
    const src = `Promise.resolve(1 + Number(process.env.N)).then((r) => process.stdout.write(String(r)))`;
    const rs = await Promise.all(Array.from({ length: 1000 }, (_, i) => ex.run(request(src, { N: String(i) }))));
    expect(rs.map((r) => r.stdout)).toEqual(Array.from({ length: 1000 }, (_, i) => String(i + 1)));
  });
});
