/**
 * Pictures of workflows for `wfc graph --format svg|png|html` and the run report of
 * `wfc run --report` / `wfc get --report`.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { graphHtml } from "./graph-html.js";
import { graphSvg } from "./graph-svg.js";
import { svgToPng } from "./png.js";
import { reportHtml } from "./report-html.js";
import { reportData } from "./report-model.js";

export { graphHtml } from "./graph-html.js";
export { graphSvg } from "./graph-svg.js";
export { svgToPng } from "./png.js";

/**
 * The manifests' graphs in one of the picture formats.
 *
 * @example
 * ```ts
 * process.stdout.write(await renderPicture([manifest], "svg"));
 * ```
 */
export async function renderPicture(
  manifests: readonly Record<string, unknown>[],
  format: "svg" | "png" | "html",
): Promise<string | Buffer> {
  if (format === "html") return graphHtml(manifests);
  const svg = graphSvg(manifests);
  return format === "png" ? svgToPng(svg) : svg;
}
export { reportHtml } from "./report-html.js";
export type { ReportData, ReportNode, ReportWorkflow, StatusNode } from "./report-model.js";
export { reportData } from "./report-model.js";

/**
 * Writes the report of a workflow to `file` atomically (temp file, then rename).
 *
 * @example
 * ```ts
 * writeReport("report.html", workflow, { runDir: ".wfc/runs/etl" });
 * ```
 */
export async function writeReport(
  file: string,
  workflow: unknown,
  opts: { readonly runDir?: string; readonly logsNote?: string } = {},
): Promise<void> {
  const html = reportHtml(reportData(workflow as never, opts));
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, html);
  renameSync(tmp, file);
}
