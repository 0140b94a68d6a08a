/// <reference lib="dom" />
/**
 * The run report and the graph page in a real browser (Debian's Chromium, headless, through
 * playwright-core): a local run with one failed node, its report opened, the failed node found
 * highlighted with its message and logs, another node clicked, a screenshot checked loosely
 * (size, the colours of the phases present); the 300-task graph's labels measured by the browser.
 * Skipped, saying why, when no Chromium is installed.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphHtml } from "../../packages/cli/src/render/graph-html.js";
import { PHASE_COLORS } from "../../packages/cli/src/render/phase-colors.js";
import { reportHtml } from "../../packages/cli/src/render/report-html.js";
import { reportData } from "../../packages/cli/src/render/report-model.js";
import { ROOT, wfc } from "../helpers.js";
import { bigDag } from "./big-dag.js";

const CHROMIUM = process.env.WFC_CHROMIUM ?? "/usr/bin/chromium";
const have = existsSync(CHROMIUM);
if (!have) console.warn(`skipping report browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function hex(c: string): [number, number, number] {
  return [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16)) as [number, number, number];
}

describe.skipIf(!have)("run report in headless Chromium", () => {
  let ctx: BrowserContext;
  const dir = mkdtempSync(join(tmpdir(), "wfc-report-"));
  const report = join(dir, "report.html");
  const requests: string[] = [];

  beforeAll(async () => {
    const r = wfc(["run", join(ROOT, "test/render/fixtures/report-failing.ts"), "--name", "rf", "--report", report], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(`report: ${report}`);
    const { chromium } = await import("playwright-core");
    ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "wfc-chromium-")), {
      executablePath: CHROMIUM,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
    });
    ctx.on("request", (q) => {
      if (!q.url().startsWith("file:") && !q.url().startsWith("data:")) requests.push(q.url());
    });
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
  });

  it("shows the failed node highlighted, with its message and logs, and no request leaves the file", async () => {
    const page = await ctx.newPage();
    await page.goto(`file://${report}`);
    expect(await page.textContent("#wf-phase")).toBe("Failed");
    expect(await page.textContent("#failure h2")).toContain("rf.publish");
    expect(await page.textContent("#failure-message")).toContain("exit code 1");
    expect(await page.textContent("#failure")).toContain("upstream refused the upload");
    // the failed node: selected at load, thick border, the Failed colour
    const selected = page.locator("#graph g.wfc-node.selected");
    expect(await selected.count()).toBe(1);
    expect(await selected.getAttribute("data-phase")).toBe("Failed");
    expect(await selected.textContent()).toContain("publish");
    const box = page.locator("#graph g.wfc-node.selected rect.wfc-box");
    expect(await box.getAttribute("fill")).toBe(PHASE_COLORS.Failed!.fill);
    expect(Number(await box.getAttribute("stroke-width"))).toBeGreaterThan(2);
    expect(await page.textContent("#details-name")).toBe("publish");
    expect(await page.textContent("#details-phase")).toBe("Failed");
    expect(await page.textContent("#details-log")).toContain("publish refused: rows=42");
    expect(requests).toEqual([]);
    await page.close();
  });

  it("clicking a node shows its inputs, outputs and logs", async () => {
    const page = await ctx.newPage();
    await page.goto(`file://${report}`);
    await page.locator("#graph g.wfc-node", { hasText: "prepare" }).first().click();
    expect(await page.textContent("#details-name")).toBe("prepare");
    expect(await page.textContent("#details-phase")).toBe("Succeeded");
    const details = (await page.textContent("#details")) ?? "";
    expect(details).toContain("n21"); // inputs: n = 21
    expect(details).toContain("result42"); // outputs: result = 42
    expect(await page.textContent("#details-log")).toContain("preparing 21 rows");
    // a timeline bar selects its node too
    await page.locator("#timeline g.wfc-bar", { hasText: "count" }).click();
    expect(await page.textContent("#details-name")).toBe("count");
    await page.close();
  });

  it("a screenshot: the viewport's size, and the Succeeded and Failed colours on it", async () => {
    const page = await ctx.newPage();
    await page.goto(`file://${report}`);
    const shot = await page.screenshot();
    writeFileSync(join(dir, "report.png"), shot);
    const probe = await ctx.newPage();
    const seen = await probe.evaluate(
      async ({ b64, colors }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement("canvas");
        c.width = img.width;
        c.height = img.height;
        const g = c.getContext("2d")!;
        g.drawImage(img, 0, 0);
        const px = g.getImageData(0, 0, c.width, c.height).data;
        const counts = colors.map(() => 0);
        for (let i = 0; i < px.length; i += 4)
          for (const [k, [r, gg, b]] of colors.entries())
            if (Math.abs(px[i]! - r) + Math.abs(px[i + 1]! - gg) + Math.abs(px[i + 2]! - b) < 12) counts[k]!++;
        return { width: c.width, height: c.height, counts };
      },
      { b64: shot.toString("base64"), colors: [hex(PHASE_COLORS.Succeeded!.fill), hex(PHASE_COLORS.Failed!.fill)] },
    );
    expect([seen.width, seen.height]).toEqual([1280, 900]);
    expect(seen.counts[0]).toBeGreaterThan(1000); // two green boxes
    expect(seen.counts[1]).toBeGreaterThan(1000); // the red ones
    await probe.close();
    await page.close();
  });

  it("the 300-task graph page: every label's measured text fits inside its box; a call expands", async () => {
    const file = join(dir, "big.html");
    writeFileSync(file, graphHtml([bigDag(300)]));
    const page = await ctx.newPage();
    await page.goto(`file://${file}`);
    const { bad: misfits, checked } = await page.evaluate(() => {
      const bad: string[] = [];
      let checked = 0;
      for (const g of Array.from(document.querySelectorAll("svg g.wfc-node"))) {
        if (!(g as SVGGElement).getBBox().width) continue; // a hidden section
        const r = (g.querySelector("rect.wfc-box") as SVGRectElement).getBBox();
        for (const t of Array.from(g.querySelectorAll("text"))) {
          const b = (t as SVGTextElement).getBBox();
          if (b.width > 0) checked++;
          if (b.x < r.x || b.x + b.width > r.x + r.width || b.y < r.y || b.y + b.height > r.y + r.height)
            bad.push(`${t.textContent}: text ${b.x},${b.width} box ${r.x},${r.width}`);
        }
      }
      return { bad, checked };
    });
    expect(misfits).toEqual([]);
    expect(checked).toBeGreaterThan(600); // two lines or more in each of 300 boxes
    const inner = page.locator('[data-template="inner"]');
    expect(await inner.isVisible()).toBe(false);
    await page.locator("g.wfc-call").first().click();
    expect(await inner.isVisible()).toBe(true);
    await page.close();
  }, 60_000);

  it("the report file is the same bytes for the same status and logs; nothing fetched from a network", () => {
    const a = readFileSync(report, "utf8");
    const runDir = join(dir, ".wfc/runs/rf");
    const status = JSON.parse(readFileSync(join(runDir, "status.json"), "utf8"));
    expect(reportHtml(reportData(status, { runDir, logsNote: "logs from .wfc/runs/rf/logs" }))).toBe(a);
    expect(a).not.toMatch(/(src|href)="https?:/);
    expect(a.length).toBeGreaterThan(1000);
  });
});
