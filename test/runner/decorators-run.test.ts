/**
 * Decorated pipelines compile to ordinary templates, so `wfc run` runs them like any other: the
 * `@task` methods in-process, the `@container` method on the container engine (issue 16's "wfc run
 * runs the decorated Prefect example in-process").
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, wfc } from "../helpers.js";
import { BUSYBOX_IMAGE, ensureTestImages, testEngine } from "./images.js";

const { engine, reason } = await testEngine();
if (!engine) console.warn(`skipping the decorated example's container step: ${reason}`);

interface RunStatus {
  readonly status: {
    readonly phase: string;
    readonly nodes: Record<string, { displayName: string; phase: string; outputs?: { result?: string } }>;
  };
}

describe.skipIf(!engine)("wfc run examples/decorators.ts", () => {
  it("runs the @task methods in-process and the @container method in a container", () => {
    ensureTestImages(engine!);
    const cwd = mkdtempSync(join(tmpdir(), "wfc-deco-"));
    const name = `deco-${process.pid}`;
    const r = wfc(
      ["run", join(ROOT, "examples/decorators.ts"), "--name", name, "--image-map", `busybox*=${BUSYBOX_IMAGE}`],
      { cwd },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(join(cwd, ".wfc/runs", name, "status.json"), "utf8")) as RunStatus;
    expect(s.status.phase).toBe("Succeeded");
    const node = (display: string) => Object.values(s.status.nodes).find((n) => n.displayName === display)!;
    const n = Number(node("random-number").outputs!.result);
    expect(Number(node("plus-one").outputs!.result)).toBe(n + 1);
    expect(node("report").phase).toBe("Succeeded");
  });
});
