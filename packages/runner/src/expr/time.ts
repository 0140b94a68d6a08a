/** Go's `time.ParseDuration`, the date parsing of expr-lang's `date()`, and Go layouts (`Format`). */

import { panic } from "./panic.js";
import { GoDuration, GoTime } from "./value.js";
import { fromWallClock, loadLocation, zoneAbbrev, zoneOffsetMs } from "./zone.js";

const units: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 };

/** Go's `time.ParseDuration` ("1h30m", "-1.5s", "300ms"). */
export function parseGoDuration(s: string): GoDuration {
  const orig = s;
  let neg = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    neg = s.startsWith("-");
    s = s.slice(1);
  }
  if (s === "0") return new GoDuration(0n);
  if (s === "") panic(`time: invalid duration ${JSON.stringify(orig)}`);
  let total = 0;
  const re = /^(\d*\.?\d*)(ns|us|µs|μs|ms|s|m|h)/;
  while (s !== "") {
    const m = re.exec(s);
    if (!m || m[1] === "" || m[1] === ".") {
      if (/^(\d*\.?\d*)$/.test(s)) panic(`time: missing unit in duration ${JSON.stringify(orig)}`);
      panic(`time: invalid duration ${JSON.stringify(orig)}`);
    }
    total += Number(m[1]) * (units[m[2] as string] as number);
    s = s.slice(m[0].length);
  }
  return new GoDuration(BigInt(Math.round(neg ? -total : total)));
}

/**
 * expr-lang's `date(str[, layout[, timezone]])`: `time.ParseInLocation` in the named zone (UTC
 * without one); a string with its own offset keeps it.
 */
export function parseGoDate(args: readonly unknown[]): GoTime {
  const s = String(args[0]);
  if (args.length >= 2) {
    const zone = args.length >= 3 ? loadLocation(String(args[2])) : undefined;
    const t = parseLayout(String(args[1]), s, zone);
    if (t === undefined) panic(`parsing time ${JSON.stringify(s)} as ${JSON.stringify(String(args[1]))}: cannot parse`);
    return t;
  }
  for (const layout of ["2006-01-02", "15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04:05Z07:00"]) {
    const t = parseLayout(layout, s);
    if (t) return t;
  }
  return panic(`invalid date ${s}`);
}

/** Parses the layouts expressions use most (date, time, RFC 3339), wall clock in `zone` (UTC by default). */
export function parseLayout(layout: string, s: string, zone?: string): GoTime | undefined {
  const wall = (ms: number) => new GoTime(fromWallClock(ms, zone), zone);
  if (layout === "2006-01-02") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    return m ? wall(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : undefined;
  }
  if (layout === "15:04:05") {
    const m = /^(\d{2}):(\d{2}):(\d{2})$/.exec(s);
    if (!m) return undefined;
    const d = new Date(Date.UTC(2000, 0, 1, +m[1]!, +m[2]!, +m[3]!));
    d.setUTCFullYear(0);
    return wall(d.getTime());
  }
  if (layout === "2006-01-02 15:04:05") {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s);
    return m ? wall(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
  }
  if (layout === "2006-01-02T15:04:05Z07:00" || layout === "2006-01-02T15:04:05.999999999Z07:00") {
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s)
      ? new GoTime(Date.parse(s), zone)
      : undefined;
  }
  return undefined;
}

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Go's `time.Time.Format(layout)` in the time's zone (the reference time is Mon Jan 2 15:04:05 MST 2006). */
export function formatLayout(t: GoTime, layout: string): string {
  const off = zoneOffsetMs(t.zone, t.ms);
  const d = new Date(t.ms + off);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  const om = Math.abs(off / 60000);
  const sign = off < 0 ? "-" : "+";
  const hhmm = (sep: string) => `${sign}${p(Math.floor(om / 60))}${sep}${p(om % 60)}`;
  const tokens: [string, () => string][] = [
    ["January", () => monthNames[d.getUTCMonth()] as string],
    ["Monday", () => dayNames[d.getUTCDay()] as string],
    ["2006", () => p(d.getUTCFullYear(), 4)],
    ["Z07:00", () => (off === 0 ? "Z" : hhmm(":"))],
    ["-07:00", () => hhmm(":")],
    ["-0700", () => hhmm("")],
    ["Z0700", () => (off === 0 ? "Z" : hhmm(""))],
    ["Jan", () => (monthNames[d.getUTCMonth()] as string).slice(0, 3)],
    ["Mon", () => (dayNames[d.getUTCDay()] as string).slice(0, 3)],
    ["MST", () => zoneAbbrev(t.zone, t.ms)],
    [".000", () => `.${p(d.getUTCMilliseconds(), 3)}`],
    [".999999999", () => (d.getUTCMilliseconds() ? `.${p(d.getUTCMilliseconds(), 3).replace(/0+$/, "")}` : "")],
    ["01", () => p(d.getUTCMonth() + 1)],
    ["02", () => p(d.getUTCDate())],
    ["_2", () => String(d.getUTCDate()).padStart(2, " ")],
    ["15", () => p(d.getUTCHours())],
    ["03", () => p(d.getUTCHours() % 12 || 12)],
    ["04", () => p(d.getUTCMinutes())],
    ["05", () => p(d.getUTCSeconds())],
    ["06", () => p(d.getUTCFullYear() % 100)],
    ["PM", () => (d.getUTCHours() >= 12 ? "PM" : "AM")],
    ["pm", () => (d.getUTCHours() >= 12 ? "pm" : "am")],
    ["1", () => String(d.getUTCMonth() + 1)],
    ["2", () => String(d.getUTCDate())],
    ["3", () => String(d.getUTCHours() % 12 || 12)],
    ["4", () => String(d.getUTCMinutes())],
    ["5", () => String(d.getUTCSeconds())],
  ];
  let out = "";
  let i = 0;
  outer: while (i < layout.length) {
    for (const [tok, f] of tokens) {
      if (layout.startsWith(tok, i)) {
        out += f();
        i += tok.length;
        continue outer;
      }
    }
    out += layout[i];
    i++;
  }
  return out;
}
