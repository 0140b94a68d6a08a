/**
 * `wfc graph --format svg|png|html`: the pictures of examples/etl.ts, the same bytes twice, and a
 * 300-task DAG whose boxes and edge labels do not overlap and whose labels fit their boxes.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { drawGraph } from "../../packages/cli/src/render/draw.js";
import { graphSections } from "../../packages/cli/src/render/graph-model.js";
import { graphSvg, specDrawNode } from "../../packages/cli/src/render/graph-svg.js";
import { type Box, PAD_X, textWidth } from "../../packages/cli/src/render/layout.js";
import { ROOT, WFC, wfc } from "../helpers.js";
import { bigDag } from "./big-dag.js";

function overlaps(a: Box, b: Box): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;
}

describe("wfc graph pictures", () => {
  it("svg of examples/etl.ts: the tasks, the loop, the edges; same bytes twice", () => {
    const a = wfc(["graph", `${ROOT}/examples/etl.ts`, "--format", "svg"]);
    expect(a.stderr).toBe("");
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+"/);
    for (const t of ["extract", "transform", "load", "for each extract.partitions"])
      expect(a.stdout).toContain(`>${t}<`);
    expect(a.stdout.match(/class="wfc-edge"/g)?.length).toBe(2);
    expect(wfc(["graph", `${ROOT}/examples/etl.ts`, "--format", "svg"]).stdout).toBe(a.stdout);
  });

  it("png of examples/etl.ts is a PNG, the same bytes twice", () => {
    const png = (): Buffer =>
      spawnSync(process.execPath, [WFC, "graph", `${ROOT}/examples/etl.ts`, "--format", "png"]).stdout;
    const one = png();
    expect(one.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(one.readUInt32BE(16)).toBeGreaterThan(200); // IHDR width
    expect(png().equals(one)).toBe(true);
  });

  it("html: the entrypoint shown, called templates hidden until their call is clicked", () => {
    const r = wfc(["graph", `${ROOT}/vendor/argo/examples/dag-nested.yaml`, "--format", "html"]);
    if (r.code !== 0) throw new Error(r.stderr);
    expect(r.stdout).toContain("<!doctype html>");
    expect(r.stdout).not.toMatch(/(src|href)="https?:/);
    expect(r.stdout).toMatch(/data-calls="/);
    expect(r.stdout).toMatch(/class="card hidden"/);
  });

  it("edges carry depends conditions and when; loops are stacked; hooks and onExit are dashed nodes", () => {
    const [main, inner] = graphSections(bigDag(40));
    const labels = main!.edges.map((e) => e.label ?? "");
    expect(labels).toContain("Failed"); // task-30: a && b.Failed, the edge from b
    expect(labels).toContain("or"); // task-31: a || b
    expect(labels.some((l) => l.startsWith("when flag-11"))).toBe(true);
    expect(main!.nodes.find((n) => n.id.endsWith("/task-17-xxx"))!.loop).toBe("× 3 items");
    expect(main!.nodes.filter((n) => n.kind === "exit").map((n) => n.lines[0])).toEqual([
      "exit hook",
      "exit hook",
      "exit hook",
    ]);
    expect(main!.edges.filter((e) => e.dashed && e.label === "on exit").length).toBeGreaterThan(3);
    expect(main!.nodes.find((n) => n.id.endsWith("/task-5-xxxxx"))!.calls).toBe(inner!.id);
    expect(inner!.edges.map((e) => e.label).filter(Boolean)).toEqual(["when go == yes"]);
  });

  it("300 tasks: no two boxes or edge labels overlap; every label fits its box; same bytes twice", () => {
    const manifest = bigDag(300);
    const t0 = performance.now();
    const svg = graphSvg([manifest]);
    const ms = performance.now() - t0;
    console.log(`render: 300-task DAG to SVG in ${ms.toFixed(0)} ms (${(svg.length / 1024).toFixed(0)} KiB)`);
    expect(graphSvg([manifest])).toBe(svg);
    const main = graphSections(manifest)[0]!;
    expect(main.nodes.length).toBeGreaterThan(300);
    const draw = main.nodes.map(specDrawNode);
    const { layout } = drawGraph(draw, main.edges, 0, 0);
    const boxes: [string, Box][] = [...layout.nodes.entries()];
    for (const e of layout.edges) if (e.labelBox) boxes.push([`edge ${e.from} -> ${e.to} "${e.label}"`, e.labelBox]);
    const bad: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        if (overlaps(boxes[i]![1], boxes[j]![1])) bad.push(`${boxes[i]![0]} / ${boxes[j]![0]}`);
    expect(bad).toEqual([]);
    for (const n of draw) {
      const b = layout.nodes.get(n.id)!;
      for (const line of n.lines)
        expect(textWidth(line) + (n.shape === "junction" ? 0 : 2 * PAD_X)).toBeLessThanOrEqual(b.width);
    }
    for (const e of layout.edges) if (e.label) expect(textWidth(e.label)).toBeLessThanOrEqual(e.labelBox!.width);
  });
});
