/**
 * Pictures of workflows for `wfc graph --format svg|png|html` and the run report of
 * `wfc run --report` / `wfc get --report`.
 */
import { graphHtml } from "./graph-html.js";
import { graphSvg } from "./graph-svg.js";
import { svgToPng } from "./png.js";

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
