/** The `workflow.creationTimestamp.<c>` values: C strftime of the creation time (UTC), for the characters Argo's strftime package knows. */

const days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const months = [
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
const p2 = (n: number) => String(n).padStart(2, "0");

/** strftime conversions by character, for a UTC date. */
export function strftimeAll(d: Date): Record<string, string> {
  const Y = d.getUTCFullYear(),
    m = d.getUTCMonth(),
    day = d.getUTCDate(),
    H = d.getUTCHours(),
    M = d.getUTCMinutes(),
    S = d.getUTCSeconds(),
    w = d.getUTCDay();
  const jan1 = Date.UTC(Y, 0, 1);
  const yday = Math.floor((Date.UTC(Y, m, day) - jan1) / 86_400_000) + 1;
  const h12 = H % 12 === 0 ? 12 : H % 12;
  const weekNum = (startDay: number) => {
    const firstDow = new Date(jan1).getUTCDay();
    const offset = (7 + firstDow - startDay) % 7;
    return p2(Math.floor((yday - 1 + offset) / 7));
  };
  return {
    a: days[w]!.slice(0, 3),
    A: days[w]!,
    b: months[m]!.slice(0, 3),
    B: months[m]!,
    c: `${days[w]!.slice(0, 3)} ${months[m]!.slice(0, 3)} ${String(day).padStart(2, " ")} ${p2(H)}:${p2(M)}:${p2(S)} ${Y}`,
    C: p2(Math.floor(Y / 100)),
    d: p2(day),
    D: `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`,
    e: String(day).padStart(2, " "),
    F: `${Y}-${p2(m + 1)}-${p2(day)}`,
    H: p2(H),
    I: p2(h12),
    j: String(yday).padStart(3, "0"),
    k: String(H).padStart(2, " "),
    l: String(h12).padStart(2, " "),
    m: p2(m + 1),
    M: p2(M),
    n: "\n",
    p: H < 12 ? "AM" : "PM",
    R: `${p2(H)}:${p2(M)}`,
    r: `${p2(h12)}:${p2(M)}:${p2(S)} ${H < 12 ? "AM" : "PM"}`,
    S: p2(S),
    t: "\t",
    T: `${p2(H)}:${p2(M)}:${p2(S)}`,
    u: String(w === 0 ? 7 : w),
    U: weekNum(0),
    w: String(w),
    W: weekNum(1),
    x: `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`,
    X: `${p2(H)}:${p2(M)}:${p2(S)}`,
    y: p2(Y % 100),
    Y: String(Y),
    Z: "UTC",
    z: "+0000",
  };
}
