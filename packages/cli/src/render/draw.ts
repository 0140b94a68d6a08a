/**
 * Draws a laid-out graph as SVG elements: boxes with their labels, arrows with theirs. Shared by
 * `wfc graph` (boxes coloured by kind) and the run report (boxes coloured by phase).
 */
import { FONT_FAMILY, FONT_SIZE, type Layout, LINE_HEIGHT, layoutGraph, PAD_Y, STACK } from "./layout.js";

/** How one box looks. */
export interface DrawNode {
  readonly id: string;
  readonly lines: readonly string[];
  readonly fill: string;
  readonly stroke: string;
  /** `stack` draws a loop's fan-out (cards behind the box); `junction` a small pill. */
  readonly shape?: "box" | "stack" | "junction";
  readonly dashed?: boolean;
  /** A thicker border (the failed node of a report, a call that expands). */
  readonly bold?: boolean;
  readonly title: string;
  /** Extra attributes on the node's `<g>` (`data-*`, `class`). */
  readonly attrs?: Readonly<Record<string, string>>;
}

/** How one arrow looks. */
export interface DrawEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly dashed?: boolean;
}

/** A drawn graph: SVG markup (no `<svg>` wrapper), its size, and the layout it came from. */
export interface Drawing {
  readonly body: string;
  readonly width: number;
  readonly height: number;
  readonly layout: Layout;
}

/** Escapes text for XML and HTML. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}

function pathOf(points: readonly { x: number; y: number }[]): string {
  const [first, ...rest] = points;
  if (!first) return "";
  if (rest.length < 2) return `M${n(first.x)},${n(first.y)}${rest.map((p) => ` L${n(p.x)},${n(p.y)}`).join("")}`;
  // quadratic segments through the midpoints: a smooth curve that keeps to dagre's route
  let d = `M${n(first.x)},${n(first.y)}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i]!;
    const q = rest[i + 1]!;
    const mid = i === rest.length - 2 ? q : { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
    d += ` Q${n(p.x)},${n(p.y)} ${n(mid.x)},${n(mid.y)}`;
  }
  return d;
}

/** The `<defs>` the drawings use (arrow heads), once per SVG document. */
export const DEFS =
  '<defs><marker id="wfc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#6b7280"/></marker></defs>';

/** Base styles of the drawings (text font). */
export const STYLE = `<style>.wfc-label{font-family:${FONT_FAMILY};font-size:${FONT_SIZE}px;fill:#1f2937}.wfc-edge-label{font-family:${FONT_FAMILY};font-size:${FONT_SIZE - 1}px;fill:#4b5563}.wfc-b{font-weight:bold}</style>`;

/**
 * Lays out and draws a graph at (`dx`, `dy`).
 *
 * @example
 * ```ts
 * const d = drawGraph([{ id: "a", lines: ["a"], fill: "#fff", stroke: "#000", title: "a" }], [], 0, 0);
 * d.body.startsWith("<g"); // true
 * ```
 */
export function drawGraph(nodes: readonly DrawNode[], edges: readonly DrawEdge[], dx: number, dy: number): Drawing {
  const layout = layoutGraph(
    nodes.map((x) => ({ id: x.id, lines: x.lines, small: x.shape === "junction", stack: x.shape === "stack" })),
    edges,
  );
  const parts: string[] = [`<g transform="translate(${n(dx)},${n(dy)})">`];
  for (const [i, e] of layout.edges.entries()) {
    const dashed = edges[i]?.dashed ? ' stroke-dasharray="5 4"' : "";
    parts.push(
      `<path class="wfc-edge" d="${pathOf(e.points)}" fill="none" stroke="#6b7280" stroke-width="1.3"${dashed} marker-end="url(#wfc-arrow)"/>`,
    );
  }
  for (const e of layout.edges) {
    if (!e.label || !e.labelBox) continue;
    const b = e.labelBox;
    parts.push(
      `<g class="wfc-edge-lbl"><rect x="${n(b.x - b.width / 2)}" y="${n(b.y - b.height / 2)}" width="${n(b.width)}" height="${n(b.height)}" rx="3" fill="#ffffff" fill-opacity="0.92"/><text class="wfc-edge-label" x="${n(b.x)}" y="${n(b.y + 4)}" text-anchor="middle">${esc(e.label)}</text></g>`,
    );
  }
  for (const x of nodes) {
    const b = layout.nodes.get(x.id)!;
    const st = x.shape === "stack" ? STACK : 0;
    const left = b.x - b.width / 2;
    const top = b.y - b.height / 2;
    const cx = b.x - st / 2;
    const cls = x.attrs?.class ? `wfc-node ${x.attrs.class}` : "wfc-node";
    const attrs = Object.entries(x.attrs ?? {})
      .filter(([k]) => k !== "class")
      .map(([k, v]) => ` ${k}="${esc(v)}"`)
      .join("");
    const dash = x.dashed ? ' stroke-dasharray="5 3"' : "";
    const sw = x.bold ? 2.6 : 1.4;
    parts.push(`<g class="${esc(cls)}" data-node="${esc(x.id)}"${attrs}><title>${esc(x.title)}</title>`);
    const rect = (ox: number, oy: number, extra = ""): string =>
      `<rect x="${n(left + ox)}" y="${n(top + oy)}" width="${n(b.width - st)}" height="${n(b.height - st)}" rx="${x.shape === "junction" ? n(b.height / 2) : 6}" fill="${x.fill}" stroke="${x.stroke}" stroke-width="${sw}"${dash}${extra}/>`;
    if (x.shape === "stack")
      parts.push(rect(STACK, STACK, ' opacity="0.45"'), rect(STACK / 2, STACK / 2, ' opacity="0.7"'));
    parts.push(rect(0, 0, ' class="wfc-box"'));
    if (x.shape === "junction") {
      parts.push(
        `<text class="wfc-label" x="${n(b.x)}" y="${n(b.y + 4)}" text-anchor="middle" font-size="10">${esc(x.lines[0] ?? "")}</text>`,
      );
    } else {
      for (const [li, line] of x.lines.entries()) {
        const y = top + PAD_Y + LINE_HEIGHT * li + 12;
        parts.push(
          `<text class="wfc-label${li === 0 ? " wfc-b" : ""}" x="${n(cx)}" y="${n(y)}" text-anchor="middle">${esc(line)}</text>`,
        );
      }
    }
    parts.push("</g>");
  }
  parts.push("</g>");
  return { body: parts.join(""), width: layout.width, height: layout.height, layout };
}
