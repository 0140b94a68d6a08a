/** The colours of node phases in the run report (fill, border). */

/** Fill and border of one phase. */
export interface PhaseColor {
  readonly fill: string;
  readonly stroke: string;
}

/** Colours by phase; anything else is drawn as Pending. */
export const PHASE_COLORS: Readonly<Record<string, PhaseColor>> = {
  Succeeded: { fill: "#c9f0d6", stroke: "#15803d" },
  Failed: { fill: "#fcc9c9", stroke: "#dc2626" },
  Error: { fill: "#f9b4d0", stroke: "#be123c" },
  Running: { fill: "#c7dcfb", stroke: "#2563eb" },
  Pending: { fill: "#eceff3", stroke: "#6b7280" },
  Skipped: { fill: "#f4f4f5", stroke: "#a1a1aa" },
  Omitted: { fill: "#f4f4f5", stroke: "#a1a1aa" },
};

/**
 * The colours of `phase`.
 *
 * @example
 * ```ts
 * phaseColor("Failed").fill; // "#fcc9c9"
 * ```
 */
export function phaseColor(phase: string): PhaseColor {
  return PHASE_COLORS[phase] ?? (PHASE_COLORS.Pending as PhaseColor);
}
