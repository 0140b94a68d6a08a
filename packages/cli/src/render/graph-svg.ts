/**
 * `wfc graph --format svg`: every DAG and steps template of the manifests, each laid out and
 * drawn under its title, stacked top to bottom in one SVG document.
 */
import { DEFS, type DrawNode, drawGraph, esc, STYLE } from "./draw.js";
import { type GraphNode, type GraphSection, graphSections } from "./graph-model.js";

type Obj = Record<string, unknown>;

const KIND_STYLE: Record<GraphNode["kind"], { fill: string; stroke: string }> = {
  task: { fill: "#e8f0fe", stroke: "#3b6fd8" },
  call: { fill: "#f1e8fd", stroke: "#7c4dcc" },
  junction: { fill: "#ffffff", stroke: "#9ca3af" },
  exit: { fill: "#fff1dc", stroke: "#d08700" },
  hook: { fill: "#fff1dc", stroke: "#d08700" },
};

/** The drawing style of one spec node. */
export function specDrawNode(x: GraphNode): DrawNode {
  const s = KIND_STYLE[x.kind];
  return {
    id: x.id,
    lines: x.lines,
    fill: s.fill,
    stroke: s.stroke,
    shape: x.kind === "junction" ? "junction" : x.loop ? "stack" : "box",
    dashed: x.kind === "hook" || x.kind === "exit",
    bold: x.kind === "call",
    title: x.title,
    attrs: { class: `wfc-${x.kind}`, ...(x.calls ? { "data-calls": x.calls } : {}) },
  };
}

/** One section drawn, with its title above, at height `dy`. */
export interface DrawnSection {
  readonly section: GraphSection;
  readonly body: string;
  readonly width: number;
  readonly height: number;
}

const TITLE_H = 28;

/** Draws one section with its title, its origin at (0, 0). */
export function drawSection(section: GraphSection): DrawnSection {
  const d = drawGraph(section.nodes.map(specDrawNode), section.edges, 0, TITLE_H);
  const title = `<text x="16" y="20" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="14" font-weight="bold" fill="#111827">${esc(section.title)}</text>`;
  return {
    section,
    body: title + d.body,
    width: Math.max(d.width, 16 + section.title.length * 8.5),
    height: d.height + TITLE_H,
  };
}

/** All sections of all manifests, in order. */
export function allSections(manifests: readonly Obj[]): GraphSection[] {
  return manifests.flatMap((m) => graphSections(m));
}

/**
 * An SVG document of the manifests' graphs. Deterministic: same manifests, same bytes.
 *
 * @example
 * ```ts
 * writeFileSync("graph.svg", graphSvg([manifest]));
 * ```
 */
export function graphSvg(manifests: readonly Obj[]): string {
  const drawn = allSections(manifests).map(drawSection);
  let y = 8;
  const parts: string[] = [];
  for (const d of drawn) {
    parts.push(`<g transform="translate(0,${y})">${d.body}</g>`);
    y += d.height + 16;
  }
  const width = Math.ceil(Math.max(320, ...drawn.map((d) => d.width)));
  const height = Math.ceil(Math.max(y, 60));
  const empty = drawn.length
    ? ""
    : '<text x="16" y="36" font-family="sans-serif" font-size="14">no DAG or steps templates</text>';
  const title = esc(drawn.map((d) => d.section.title).join("; ") || "workflow graph");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}"><title>${title}</title>${DEFS}${STYLE}<rect width="100%" height="100%" fill="#ffffff"/>${parts.join("")}${empty}</svg>\n`;
}
