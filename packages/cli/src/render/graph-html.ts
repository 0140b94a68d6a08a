/**
 * `wfc graph --format html`: the entrypoint's graph, with every template it calls one click away
 * (a box with a thick border expands into the called template's graph below it).
 */
import { esc } from "./draw.js";
import { allSections, drawSection } from "./graph-svg.js";
import { htmlPage, svgElement } from "./html-page.js";

type Obj = Record<string, unknown>;

const SCRIPT = `
document.addEventListener("click", (ev) => {
  const node = ev.target.closest && ev.target.closest(".wfc-node");
  if (node && node.dataset.calls) {
    const sec = document.getElementById("sec:" + node.dataset.calls);
    if (sec) { sec.classList.toggle("hidden"); node.classList.toggle("selected"); if (!sec.classList.contains("hidden")) sec.scrollIntoView({block: "nearest"}); }
    return;
  }
  const b = ev.target.closest && ev.target.closest("button[data-toggle]");
  if (b) document.getElementById("sec:" + b.dataset.toggle).classList.toggle("hidden");
});
`;

/**
 * An HTML page of the manifests' graphs. Deterministic: same manifests, same bytes.
 *
 * @example
 * ```ts
 * writeFileSync("graph.html", graphHtml([manifest]));
 * ```
 */
export function graphHtml(manifests: readonly Obj[]): string {
  const sections = allSections(manifests);
  const called = new Set(sections.flatMap((s) => s.nodes.flatMap((x) => (x.calls ? [x.calls] : []))));
  const cards = sections.map((s) => {
    const d = drawSection(s);
    const hidden = !s.entry && called.has(s.id) ? " hidden" : "";
    return `<div class="card${hidden}" id="sec:${esc(s.id)}" data-template="${esc(s.template)}">${svgElement(d.body, d.width, d.height)}</div>`;
  });
  const toggles = sections
    .filter((s) => !s.entry)
    .map((s) => `<button class="link" data-toggle="${esc(s.id)}">${esc(s.template)}</button>`)
    .join(" · ");
  const legend =
    '<div class="legend"><span><i style="background:#e8f0fe"></i>task</span><span><i style="background:#f1e8fd"></i>calls a DAG/steps template (click to expand)</span><span><i style="background:#fff1dc"></i>exit handler / hook (dashed)</span><span>stacked box: loop fan-out</span></div>';
  const title = sections[0]?.title ?? "wfc graph";
  const body = `<header><h1>${esc(title)}</h1><span class="meta">${sections.length} template graph(s)</span></header><main>${legend}${toggles ? `<div class="legend">templates: ${toggles}</div>` : ""}${cards.join("")}</main>`;
  return htmlPage(title, body, SCRIPT);
}
