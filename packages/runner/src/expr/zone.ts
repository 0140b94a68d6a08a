/**
 * Time zones for expressions, as Go's `time.LoadLocation` and `time.Time.In` give them: a
 * {@link GoTime} carries an IANA zone name (undefined: UTC, which is also what `Local` is here, as
 * in a controller container). Offsets and abbreviations come from the platform's time zone data
 * (`Intl`), so `date("2024-03-10 12:00:00", "2006-01-02 15:04:05", "America/New_York")` is 16:00
 * UTC, and formatting it prints `-0400 EDT`.
 */
import { panic } from "./panic.js";

const formats = new Map<string, Intl.DateTimeFormat>();

function fieldsFormat(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formats.set(zone, f);
  }
  return f;
}

/**
 * `time.LoadLocation`: "" and "UTC" are UTC, "Local" is UTC here; an unknown name panics as Go's
 * error says it (`unknown time zone X`).
 *
 * @example
 * ```ts
 * loadLocation("Europe/Paris"); // "Europe/Paris"
 * ```
 */
export function loadLocation(name: string): string | undefined {
  if (name === "" || name === "UTC" || name === "Local") return undefined;
  try {
    fieldsFormat(name);
  } catch {
    return panic(`unknown time zone ${name}`);
  }
  return name;
}

/** The zone's offset from UTC at instant `ms`, in ms (0 for UTC). */
export function zoneOffsetMs(zone: string | undefined, ms: number): number {
  if (!zone || !Number.isFinite(ms)) return 0;
  const parts = fieldsFormat(zone).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  let year = get("year");
  if (parts.find((p) => p.type === "era")?.value === "BC") year = 1 - year;
  const wall = Date.UTC(year, get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return wall - whole;
}

/** `time.ParseInLocation`'s conversion: the instant whose wall clock in `zone` reads `wallMs` (as if UTC). */
export function fromWallClock(wallMs: number, zone: string | undefined): number {
  if (!zone) return wallMs;
  let utc = wallMs - zoneOffsetMs(zone, wallMs);
  // one more step settles instants next to a transition
  utc = wallMs - zoneOffsetMs(zone, utc);
  return utc;
}

/** Locales whose ICU data name the zones tzdata abbreviates (EST, CET, IST, AEDT, JST). */
const ABBREV_LOCALES = ["en-US", "en-GB", "en-IN", "en-AU", "ja-JP"];

/**
 * The zone's abbreviation at `ms` as tzdata has it (`CET`, `EDT`, `JST`), looked up in the
 * platform's ICU data; a zone tzdata abbreviates numerically prints as it does (`-03`, `+0530`).
 */
export function zoneAbbrev(zone: string | undefined, ms: number): string {
  if (!zone) return "UTC";
  const off = zoneOffsetMs(zone, ms) / 60000;
  for (const locale of ABBREV_LOCALES) {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" })
      .formatToParts(new Date(ms))
      .find((p) => p.type === "timeZoneName")?.value;
    if (name && /^[A-Z]{2,5}$/.test(name) && (name !== "GMT" || off === 0)) return name;
  }
  const a = Math.abs(off);
  return `${off < 0 ? "-" : "+"}${String(Math.floor(a / 60)).padStart(2, "0")}${a % 60 ? String(a % 60).padStart(2, "0") : ""}`;
}
