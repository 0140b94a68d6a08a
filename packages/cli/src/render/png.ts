/**
 * `wfc graph --format png`: the SVG rasterised by resvg (a Rust SVG renderer shipped as prebuilt
 * npm binaries; no browser).
 */

/**
 * Renders an SVG document to PNG bytes at `scale` (2: sharp on high-density screens).
 *
 * @example
 * ```ts
 * writeFileSync("graph.png", await svgToPng(graphSvg([manifest])));
 * ```
 */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const { Resvg } = await import("@resvg/resvg-js");
  const r = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    background: "#ffffff",
  });
  return r.render().asPng();
}
