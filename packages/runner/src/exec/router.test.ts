import type { Template } from "@wfc/sdk/argo";
import { describe, expect, it } from "vitest";
import type { Executor, PodRequest, PodResult } from "../executor.js";
import { ExecutorError } from "./errors.js";
import { podRoute, preflight, RouterExecutor } from "./router.js";

const node: Template = { name: "n", script: { image: "node:22", command: ["node"], source: "1" } };
const py: Template = { name: "p", script: { image: "python:3", command: ["python"], source: "1" } };
const c: Template = { name: "c", container: { image: "alpine", command: ["true"] } };

describe("podRoute", () => {
  it("node scripts in-process unless isolated or needing files", () => {
    expect(podRoute(node)).toBe("in-process");
    expect(podRoute(node, { isolate: true })).toBe("container");
    expect(podRoute({ ...node, outputs: { parameters: [{ name: "x", valueFrom: { path: "/tmp/x" } }] } })).toBe(
      "container",
    );
    expect(podRoute({ ...node, inputs: { artifacts: [{ name: "a", path: "/a" }] } })).toBe("container");
    expect(podRoute(py)).toBe("container");
    expect(podRoute(c)).toBe("container");
    expect(podRoute({ name: "h", http: { url: "http://x" } })).toBe("http");
  });
});

describe("RouterExecutor", () => {
  const fake = (tag: string): Executor => ({ run: async (): Promise<PodResult> => ({ exitCode: 0, stdout: tag }) });
  const req = (template: Template): PodRequest => ({
    nodeId: "n",
    nodeName: "n",
    podName: "p",
    workflowName: "w",
    template,
    templateName: template.name!,
    retry: 0,
    stage: [],
    collect: [],
    volumes: [],
    workdir: "/x",
    signal: new AbortController().signal,
    onLog: () => undefined,
  });

  it("sends each pod to its executor", async () => {
    const r = new RouterExecutor({ containers: fake("container"), inProcess: fake("in-process") });
    expect((await r.run(req(node))).stdout).toBe("in-process");
    expect((await r.run(req(c))).stdout).toBe("container");
    expect(
      (
        await new RouterExecutor({ containers: fake("container"), inProcess: fake("in-process"), isolate: true }).run(
          req(node),
        )
      ).stdout,
    ).toBe("container");
  });

  it("without an engine, container pods fail with one line saying how to get one", async () => {
    const r = await new RouterExecutor({ inProcess: fake("in-process") }).run(req(c));
    expect(r.phase).toBe("Error");
    expect(r.message).toMatch(/install podman .* or Docker .*--engine/);
    expect(r.message).not.toContain("\n");
  });
});

describe("preflight", () => {
  const engineError = new Error(
    "no container engine answers (podman: not installed; docker: not installed): install podman or Docker, or --engine PATH",
  );
  it("passes when no template needs a container, or an engine is there", () => {
    expect(() => preflight([node], { engineError })).not.toThrow();
    expect(() => preflight([c, py], {})).not.toThrow();
  });
  it("fails before the run, naming the templates", () => {
    expect(() => preflight([node, c, py], { engineError })).toThrow(ExecutorError);
    expect(() => preflight([node, c, py], { engineError })).toThrow(
      /no container engine answers .* \(needed by templates c, p\)$/,
    );
    expect(() => preflight([node], { engineError, isolate: true })).toThrow(/needed by template n\)/);
  });
});
