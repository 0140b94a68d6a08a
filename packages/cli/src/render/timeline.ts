/**
 * The timeline of a run report: one bar per pod-like node, from its start to its finish, on a
 * time axis from the workflow's start.
 */
import { esc } from "./draw.js";
import { phaseColor } from "./phase-colors.js";
import { LEAF_TYPES, type ReportData } from "./report-model.js";

const ROW = 20;
const LABEL_W = 220;
const BAR_W = 560;

/** Seconds as `1.5s`, `2m03s`, `1h02m`. */
export function formatSeconds(s: number): string {
  if (s < 60) return `${Math.round(s * 10) / 10}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/**
 * The timeline as SVG markup (no wrapper) with its size, or undefined when no node has times.
 *
 * @example
 * ```ts
 * const t = timelineSvg(reportData(wf)); // t?.body: one <g data-id=…> per bar
 * ```
 */
export function timelineSvg(data: ReportData): { body: string; width: number; height: number } | undefined {
  const rows = data.nodes.filter((x) => LEAF_TYPES.has(x.type) && x.startedAt);
  if (!rows.length) return undefined;
  const t0 = Math.min(...rows.map((x) => Date.parse(x.startedAt)), Date.parse(data.startedAt) || Infinity);
  const end = Math.max(...rows.map((x) => Date.parse(x.finishedAt || x.startedAt)), t0 + 1000);
  const span = (end - t0) / 1000;
  const px = (ms: number): number => Math.round(((ms - t0) / 1000 / span) * BAR_W * 10) / 10;
  const parts: string[] = [];
  const axisY = rows.length * ROW + 6;
  for (let i = 0; i <= 4; i++) {
    const x = LABEL_W + (BAR_W * i) / 4;
    parts.push(
      `<line x1="${x}" y1="0" x2="${x}" y2="${axisY}" stroke="#e5e7eb"/><text x="${x}" y="${axisY + 14}" font-size="11" fill="#6b7280" text-anchor="middle" font-family="DejaVu Sans, sans-serif">${formatSeconds((span * i) / 4)}</text>`,
    );
  }
  // Each row is one clickable group; a transparent rect across the row fills the gap between the
  // label and the bar, so a click anywhere on the row selects the node.
  for (const [i, x] of rows.entries()) {
    const c = phaseColor(x.phase);
    const a = px(Date.parse(x.startedAt));
    const b = Math.max(a + 3, px(Date.parse(x.finishedAt || x.startedAt)));
    const y = i * ROW + 3;
    const label = x.displayName.length > 28 ? `${x.displayName.slice(0, 27)}…` : x.displayName;
    parts.push(
      `<g class="wfc-node wfc-bar" data-id="${esc(x.id)}"><title>${esc(`${x.name}: ${x.phase}${x.seconds !== undefined ? ` in ${formatSeconds(x.seconds)}` : ""}`)}</title><rect x="0" y="${y - 3}" width="${LABEL_W + BAR_W + 60}" height="${ROW}" fill="transparent"/><text x="${LABEL_W - 8}" y="${y + 12}" font-size="12" text-anchor="end" fill="#374151" font-family="DejaVu Sans Mono, monospace">${esc(label)}</text><rect class="wfc-box" x="${LABEL_W + a}" y="${y}" width="${Math.round((b - a) * 10) / 10}" height="${ROW - 6}" rx="3" fill="${c.fill}" stroke="${c.stroke}"/>${x.seconds !== undefined ? `<text x="${LABEL_W + b + 6}" y="${y + 12}" font-size="11" fill="#6b7280" font-family="DejaVu Sans, sans-serif">${formatSeconds(x.seconds)}</text>` : ""}</g>`,
    );
  }
  return { body: parts.join(""), width: LABEL_W + BAR_W + 70, height: axisY + 22 };
}
