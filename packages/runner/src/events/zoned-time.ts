/** Wall-clock times in an IANA time zone, for Argo Events' time filter (`start`/`stop` as `HH:MM:SS` on the event's date). */

function partsIn(ms: number, timeZone: string): Record<string, number> {
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== "literal") out[p.type] = Number(p.value);
  return out;
}

/** The offset of `timeZone` from UTC at instant `ms`, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const p = partsIn(ms, timeZone);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of wall-clock time `hms` (`HH:MM:SS`) on the date that `base` has in `timeZone`, as
 * Go's `time.ParseInLocation` gives it; throws on a malformed time or an unknown zone.
 *
 * @example
 * ```ts
 * timeOnDate("08:00:00", Date.parse("2026-12-01T12:00:00Z"), "Europe/Paris"); // 2026-12-01T07:00:00Z
 * ```
 */
export function timeOnDate(hms: string, base: number, timeZone = "UTC"): number {
  const m = /^(\d{2}):(\d{2}):(\d{2})$/.exec(hms);
  if (!m) throw new Error(`parsing time "${hms}" as "15:04:05": cannot parse`);
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (h > 23 || mi > 59 || s > 59) throw new Error(`parsing time "${hms}": hour, minute or second out of range`);
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    throw new Error(`invalid timezone '${timeZone}': unknown time zone ${timeZone}`);
  }
  const d = partsIn(base, timeZone);
  const wall = Date.UTC(d.year ?? 0, (d.month ?? 1) - 1, d.day ?? 1, h, mi, s);
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return guess;
}
