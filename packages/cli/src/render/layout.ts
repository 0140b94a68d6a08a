/**
 * Positions the boxes and arrows of a graph with dagre (a layered, Sugiyama-style layout) and
 * sizes every box from its label in a monospaced font, so labels fit without a browser to
 * measure them.
 */
import dagre from "@dagrejs/dagre";

/** Font size of labels, in pixels. */
export const FONT_SIZE = 12;
/** Advance of one character of the monospaced label font at {@link FONT_SIZE} (DejaVu Sans Mono: 0.602 em), rounded up. */
export const CHAR_WIDTH = 7.3;
/** Height of one label line. */
export const LINE_HEIGHT = 16;
/** Horizontal padding inside a box, each side. */
export const PAD_X = 10;
/** Vertical padding inside a box, each side. */
export const PAD_Y = 7;
/** Offset of the last card behind a loop's box. */
export const STACK = 8;
/** The label font, monospaced so widths are known without measuring. */
export const FONT_FAMILY = "DejaVu Sans Mono, Menlo, Consolas, monospace";

/** A box to place. */
export interface LayoutInput {
  readonly id: string;
  readonly lines: readonly string[];
  /** A small round junction (step-group boundary) instead of a box. */
  readonly small?: boolean;
  /** A loop's fan-out: room for the cards drawn behind the box ({@link STACK} pixels). */
  readonly stack?: boolean;
}

/** An arrow to route. */
export interface LayoutEdgeInput {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
}

/** A placed box: centre, size. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A routed arrow, with its label's box when it has one. */
export interface RoutedEdge {
  readonly from: string;
  readonly to: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
  readonly label?: string;
  readonly labelBox?: Box;
}

/** The result of {@link layoutGraph}. */
export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly nodes: ReadonlyMap<string, Box>;
  readonly edges: readonly RoutedEdge[];
}

/** Width of `text` in the label font. */
export function textWidth(text: string): number {
  return [...text].length * CHAR_WIDTH;
}

/** The size of the box that holds `lines`. */
export function boxSize(lines: readonly string[], small = false): { width: number; height: number } {
  if (small) return { width: Math.max(28, Math.max(...lines.map(textWidth)) + 12), height: 22 };
  return {
    width: Math.ceil(Math.max(60, ...lines.map(textWidth)) + 2 * PAD_X),
    height: lines.length * LINE_HEIGHT + 2 * PAD_Y,
  };
}

/**
 * Lays out a directed graph top to bottom. Same input, same output: dagre is deterministic for
 * a given insertion order, and nodes and edges are inserted in the order given.
 *
 * @example
 * ```ts
 * const l = layoutGraph([{ id: "a", lines: ["a"] }, { id: "b", lines: ["b"] }], [{ from: "a", to: "b" }]);
 * l.nodes.get("b")!.y > l.nodes.get("a")!.y; // true
 * ```
 */
export function layoutGraph(nodes: readonly LayoutInput[], edges: readonly LayoutEdgeInput[]): Layout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 24, ranksep: 44, edgesep: 12, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) {
    const s = boxSize(n.lines, n.small);
    g.setNode(n.id, n.stack ? { width: s.width + STACK, height: s.height + STACK } : s);
  }
  for (const [i, e] of edges.entries()) {
    const lbl = e.label
      ? { label: e.label, width: textWidth(e.label) + 8, height: LINE_HEIGHT + 2, labelpos: "c" }
      : {};
    g.setEdge(e.from, e.to, lbl, `e${i}`);
  }
  dagre.layout(g);
  const placed = new Map<string, Box>();
  for (const n of nodes) {
    const v = g.node(n.id);
    placed.set(n.id, { x: v.x, y: v.y, width: v.width, height: v.height });
  }
  const routed: RoutedEdge[] = edges.map((e, i) => {
    const v = g.edge({ v: e.from, w: e.to, name: `e${i}` }) as {
      points: { x: number; y: number }[];
      x?: number;
      y?: number;
      width?: number;
      height?: number;
    };
    const out: RoutedEdge = {
      from: e.from,
      to: e.to,
      points: v.points.map((p) => ({ x: p.x, y: p.y })),
      ...(e.label && v.x !== undefined && v.y !== undefined
        ? { label: e.label, labelBox: { x: v.x, y: v.y, width: v.width ?? 0, height: v.height ?? 0 } }
        : {}),
    };
    return out;
  });
  const gl = g.graph();
  return { width: Math.ceil(gl.width ?? 0), height: Math.ceil(gl.height ?? 0), nodes: placed, edges: routed };
}
