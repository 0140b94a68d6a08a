/**
 * More of sprig v3's functions, as Argo's `sprig.*` has them: dates (`ago`, `duration`,
 * `dateModify`, `mustDateModify`, `htmlDateInZone`), `toDecimal`, `adler32sum`, random strings
 * (`randAlphaNum`, `randAlpha`, `randNumeric`, `randAscii`, `randBytes`, `randInt`), URLs
 * (`urlParse`, `urlJoin`), base32 (`b32enc`, `b32dec`), `encryptAES` / `decryptAES`, `semver` /
 * `semverCompare` (Masterminds/semver v3, ported in `semver.ts`), `bcrypt` / `htpasswd` (Go's
 * `$2a$` hashes at cost 10, with bcryptjs). The ones that need what a local run does not have
 * (`genPrivateKey`, `derivePassword`, `getHostByName`, certificates) panic saying so.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomInt } from "node:crypto";
import { createRequire } from "node:module";
import { panic } from "./panic.js";
import { SemConstraints, SemVersion, SemverError } from "./semver.js";
import { formatLayout, parseGoDuration } from "./time.js";
import { formatDuration, GoDuration, type GoFunc, type GoMap, GoTime, goTypeName, isMap, isNil } from "./value.js";
import { loadLocation } from "./zone.js";

function argc(name: string, args: readonly unknown[], n: number): void {
  if (args.length !== n) panic(`invalid number of arguments: expected ${n}, got ${args.length} (sprig.${name})`);
}

function str(v: unknown): string {
  if (isNil(v)) return "";
  if (typeof v === "string") return v;
  return panic(`reflect: Call using ${goTypeName(v)} as type string`);
}

function int(v: unknown): bigint {
  if (isNil(v)) return 0n;
  if (typeof v === "bigint") return v;
  return panic(`reflect: Call using ${goTypeName(v)} as type int`);
}

function time(v: unknown): GoTime {
  if (v instanceof GoTime) return v;
  return panic(`reflect: Call using ${goTypeName(v)} as type time.Time`);
}

function randomFrom(alphabet: string, n: bigint): string {
  let s = "";
  for (let i = 0n; i < n; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

const ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS = "0123456789";
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");
const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function b32enc(s: string): string {
  const bytes = Buffer.from(s, "utf8");
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  while (out.length % 8) out += "=";
  return out;
}

function b32dec(s: string): string {
  const body = s.replace(/=+$/, "");
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const [i, c] of [...body].entries()) {
    const v = B32.indexOf(c);
    if (v < 0) return panic(`illegal base32 data at input byte ${i}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out).toString("utf8");
}

/** Go's `net/url.Parse` fields, as sprig's `urlParse` returns them. */
function urlParse(s: string): GoMap {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/(?:([^@/?#]*)@)?([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(
    s,
  );
  if (!m) return panic(`unable to parse url: ${s}`);
  const host = m[3] ?? "";
  const hostname = host.startsWith("[") ? host.slice(1, host.indexOf("]")) : host.replace(/:\d*$/, "");
  const opaque = m[1] && m[3] === undefined && !(m[4] ?? "").startsWith("/") ? (m[4] ?? "") : "";
  return {
    scheme: m[1] ?? "",
    host,
    hostname,
    path: opaque ? "" : decodeURIComponent(m[4] ?? ""),
    query: m[5] ?? "",
    opaque,
    fragment: m[6] === undefined ? "" : decodeURIComponent(m[6]),
    userinfo: m[2] ?? "",
  };
}

/** sprig's `urlJoin`: a `url.URL` from the map's fields, printed. */
function urlJoin(d: unknown): string {
  if (!isMap(d)) return panic(`reflect: Call using ${goTypeName(d)} as type map[string]interface {}`);
  const f = (k: string) => (typeof d[k] === "string" ? (d[k] as string) : "");
  const scheme = f("scheme");
  let out = scheme ? `${scheme}:` : "";
  if (f("opaque")) out += f("opaque");
  else {
    if (scheme || f("host") || f("userinfo")) {
      out += "//";
      if (f("userinfo")) out += `${f("userinfo")}@`;
      out += f("host");
    }
    const path = f("path");
    if (path && !path.startsWith("/") && f("host")) out += "/";
    out += encodeURI(path);
  }
  if (f("query")) out += `?${f("query")}`;
  if (f("fragment")) out += `#${encodeURIComponent(f("fragment"))}`;
  return out;
}

function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  Buffer.from(password, "utf8").copy(key, 0, 0, 32);
  return key;
}

/** sprig's `encryptAES`: AES-256-CBC, the password zero-padded to 32 bytes as the key, PKCS#7 padding, a random IV in front, base64. */
function encryptAES(password: string, plaintext: string): string {
  if (plaintext === "") return "";
  const iv = randomBytes(16);
  const c = createCipheriv("aes-256-cbc", aesKey(password), iv);
  return Buffer.concat([iv, c.update(plaintext, "utf8"), c.final()]).toString("base64");
}

function decryptAES(password: string, crypt64: string): string {
  const data = Buffer.from(crypt64, "base64");
  if (data.length < 16) return panic("ciphertext too short");
  const d = createDecipheriv("aes-256-cbc", aesKey(password), data.subarray(0, 16));
  d.setAutoPadding(false);
  const plain = Buffer.concat([d.update(data.subarray(16)), d.final()]);
  const pad = plain[plain.length - 1] ?? 0;
  return plain.subarray(0, plain.length - pad).toString("utf8");
}

/**
 * sprig's `bcrypt`: golang.org/x/crypto's `GenerateFromPassword` at `DefaultCost` (10), a `$2a$`
 * hash; an error (more than 72 bytes) is returned as text, as sprig does.
 */
let bcryptjs: typeof import("bcryptjs") | undefined;

function bcrypt(input: string): string {
  if (Buffer.byteLength(input, "utf8") > 72)
    return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes";
  // bcryptjs writes `$2b$`; the hash is the same for passwords of at most 72 bytes, Go writes `$2a$`
  // loaded on first use (expressions are synchronous, so not with import())
  bcryptjs ??= createRequire(import.meta.url)("bcryptjs") as typeof import("bcryptjs");
  const salt = `$2a$${bcryptjs.genSaltSync(10).slice(4)}`;
  return bcryptjs.hashSync(input, salt);
}

/** Masterminds/semver's errors are Go errors: the expression stops with their text. */
function semverCall<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof SemverError) return panic(e.message);
    throw e;
  }
}

const unsupported =
  (name: string, why: string): GoFunc =>
  () =>
    panic(`sprig.${name} is not supported by the local runner (${why})`);

/**
 * The functions, merged into the `sprig` map.
 *
 * @example
 * ```ts
 * sprigMore.b32enc?.(["hi"]); // "NBUQ===="
 * ```
 */
export const sprigMore: Readonly<Record<string, GoFunc>> = {
  ago: (a) => {
    argc("ago", a, 1);
    const ms = Date.now() - time(a[0]).ms;
    return formatDuration(new GoDuration(BigInt(Math.round(ms / 1000)) * 1_000_000_000n));
  },
  duration: (a) => {
    argc("duration", a, 1);
    const v = a[0];
    const n = typeof v === "bigint" ? v : typeof v === "string" && /^[+-]?\d+$/.test(v) ? BigInt(v) : 0n;
    return formatDuration(new GoDuration(n * 1_000_000_000n));
  },
  dateModify: (a) => {
    argc("dateModify", a, 2);
    const t = time(a[1]);
    try {
      const d = parseGoDuration(str(a[0]));
      return new GoTime(t.ms + Number(d.ns / 1_000_000n), t.zone);
    } catch {
      return t;
    }
  },
  mustDateModify: (a) => {
    argc("mustDateModify", a, 2);
    const t = time(a[1]);
    const d = parseGoDuration(str(a[0]));
    return new GoTime(t.ms + Number(d.ns / 1_000_000n), t.zone);
  },
  htmlDateInZone: (a) => {
    argc("htmlDateInZone", a, 2);
    const t = a[0] instanceof GoTime ? a[0] : new GoTime(Date.now());
    let zone: string | undefined;
    try {
      zone = loadLocation(str(a[1]));
    } catch {
      zone = undefined;
    }
    return formatLayout(new GoTime(t.ms, zone), "2006-01-02");
  },
  toDecimal: (a) => {
    argc("toDecimal", a, 1);
    const s = typeof a[0] === "string" ? a[0] : String(a[0]);
    return /^[+-]?[0-7]+$/.test(s) ? BigInt(s.replace(/^([+-]?)/, "$10o")) : 0n;
  },
  adler32sum: (a) => {
    argc("adler32sum", a, 1);
    let x = 1;
    let y = 0;
    for (const b of Buffer.from(str(a[0]), "utf8")) {
      x = (x + b) % 65521;
      y = (y + x) % 65521;
    }
    return String(((y << 16) | x) >>> 0);
  },
  randAlphaNum: (a) => {
    argc("randAlphaNum", a, 1);
    return randomFrom(ALPHA + DIGITS, int(a[0]));
  },
  randAlpha: (a) => {
    argc("randAlpha", a, 1);
    return randomFrom(ALPHA, int(a[0]));
  },
  randNumeric: (a) => {
    argc("randNumeric", a, 1);
    return randomFrom(DIGITS, int(a[0]));
  },
  randAscii: (a) => {
    argc("randAscii", a, 1);
    return randomFrom(ASCII, int(a[0]));
  },
  randBytes: (a) => {
    argc("randBytes", a, 1);
    return randomBytes(Number(int(a[0]))).toString("base64");
  },
  randInt: (a) => {
    argc("randInt", a, 2);
    const min = int(a[0]);
    const max = int(a[1]);
    if (max <= min) return panic("invalid argument to Intn");
    return min + BigInt(randomInt(Number(max - min)));
  },
  urlParse: (a) => {
    argc("urlParse", a, 1);
    return urlParse(str(a[0]));
  },
  urlJoin: (a) => {
    argc("urlJoin", a, 1);
    return urlJoin(a[0]);
  },
  b32enc: (a) => {
    argc("b32enc", a, 1);
    return b32enc(str(a[0]));
  },
  b32dec: (a) => {
    argc("b32dec", a, 1);
    return b32dec(str(a[0]));
  },
  encryptAES: (a) => {
    argc("encryptAES", a, 2);
    return encryptAES(str(a[0]), str(a[1]));
  },
  decryptAES: (a) => {
    argc("decryptAES", a, 2);
    return decryptAES(str(a[0]), str(a[1]));
  },
  semver: (a) => {
    argc("semver", a, 1);
    const v = str(a[0]);
    return semverCall(() => SemVersion.parse(v));
  },
  semverCompare: (a) => {
    argc("semverCompare", a, 2);
    const c = str(a[0]);
    const v = str(a[1]);
    return semverCall(() => SemConstraints.parse(c).check(SemVersion.parse(v)));
  },
  bcrypt: (a) => {
    argc("bcrypt", a, 1);
    return bcrypt(str(a[0]));
  },
  htpasswd: (a) => {
    argc("htpasswd", a, 2);
    const user = str(a[0]);
    const password = str(a[1]);
    if (user.includes(":")) return `invalid username: ${user}`;
    return `${user}:${bcrypt(password)}`;
  },
  genPrivateKey: unsupported("genPrivateKey", "no key generation here"),
  derivePassword: unsupported("derivePassword", "no scrypt-based master password here"),
  getHostByName: unsupported("getHostByName", "expressions do not resolve names locally"),
  genCA: unsupported("genCA", "no certificates here"),
  genSelfSignedCert: unsupported("genSelfSignedCert", "no certificates here"),
  genSignedCert: unsupported("genSignedCert", "no certificates here"),
};
