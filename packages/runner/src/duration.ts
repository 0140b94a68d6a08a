/**
 * Argo's durations (`wfv1.ParseStringToDuration`): a bare integer is seconds, otherwise Go's
 * `time.ParseDuration` syntax (`1h2m3.5s`, `300ms`, `2us`).
 */

const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds of an Argo duration string; throws on bad syntax. */
export function parseDurationMs(text: string | number): number {
  if (typeof text === "number") return text * 1000;
  const s = text.trim();
  if (/^-?\d+$/.test(s)) return Number(s) * 1000;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let i = 0;
  let sign = 1;
  if (s.startsWith("-")) {
    sign = -1;
    i = 1;
  } else if (s.startsWith("+")) i = 1;
  if (s === "0") return 0;
  let total = 0;
  let matched = false;
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) throw new Error(`invalid duration "${text}"`);
    total += Number(m[1]) * (units[m[2] ?? ""] ?? 0);
    i = re.lastIndex;
    matched = true;
  }
  if (!matched) throw new Error(`invalid duration "${text}"`);
  return sign * total;
}

/** Seconds as Go's `fmt.Sprint(d.Seconds())` prints them (`0`, `1.5`, `120`). */
export function formatSeconds(ms: number): string {
  return String(ms / 1000);
}
