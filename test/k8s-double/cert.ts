/**
 * A self-signed TLS certificate for 127.0.0.1/localhost, made at test time
 * with node:crypto (EC P-256, X.509 v3 DER written by hand; no openssl needed).
 */
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";

function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
}
const seq = (...c: Buffer[]): Buffer => tlv(0x30, ...c);
const set = (...c: Buffer[]): Buffer => tlv(0x31, ...c);
function oid(s: string): Buffer {
  const [first = 0, second = 0, ...rest] = s.split(".").map(Number);
  const out = [40 * first + second];
  for (const p of rest) {
    const stack = [p & 0x7f];
    for (let v = p >> 7; v > 0; v >>= 7) stack.unshift(0x80 | (v & 0x7f));
    out.push(...stack);
  }
  return tlv(0x06, Buffer.from(out));
}
/**
 * A DER INTEGER of the unsigned big-endian bytes `b`, in its one minimal
 * form: redundant leading zero bytes dropped, one zero byte added when the
 * top bit is set. OpenSSL refuses a non-minimal encoding ("illegal padding"),
 * which a random serial starting 0x00 0x00..0x7f would otherwise give.
 */
export function derInteger(b: Buffer): Buffer {
  let start = 0;
  while (start < b.length - 1 && b[start] === 0) start++;
  const body = b.subarray(start);
  return tlv(0x02, (body[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), body]) : body);
}
const int = derInteger;
function utcTime(d: Date): Buffer {
  const p = (n: number): string => String(n).padStart(2, "0");
  const s = `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(s, "ascii"));
}
function name(cn: string): Buffer {
  return seq(set(seq(oid("2.5.4.3"), tlv(0x0c, Buffer.from(cn, "utf8")))));
}
function ext(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [tlv(0x01, Buffer.from([0xff]))] : []), tlv(0x04, value));
}

/** A PEM certificate and key. */
export interface SelfSignedCert {
  readonly cert: string;
  readonly key: string;
}

/**
 * Makes a self-signed certificate (also usable as its own CA) valid for
 * `localhost` and `127.0.0.1`.
 *
 * @example
 * ```ts
 * const { cert, key } = selfSignedCert("k8s-double");
 * https.createServer({ cert, key }, handler);
 * ```
 */
export function selfSignedCert(commonName = "wfc-test-double"): SelfSignedCert {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const sigAlg = seq(oid("1.2.840.10045.4.3.2"));
  const now = Date.now();
  const serial = randomBytes(12);
  // Positive and a full 12 bytes long: the first byte is 0x01..0x7f.
  serial.writeUInt8((serial[0] ?? 0) & 0x7f || 0x01, 0);
  const san = seq(tlv(0x82, Buffer.from("localhost")), tlv(0x87, Buffer.from([127, 0, 0, 1])));
  const tbs = seq(
    tlv(0xa0, int(Buffer.from([2]))),
    int(serial),
    sigAlg,
    name(commonName),
    seq(utcTime(new Date(now - 3600_000)), utcTime(new Date(now + 7 * 24 * 3600_000))),
    name(commonName),
    publicKey.export({ type: "spki", format: "der" }),
    tlv(
      0xa3,
      seq(
        ext("2.5.29.19", true, seq(tlv(0x01, Buffer.from([0xff])))),
        ext("2.5.29.15", true, tlv(0x03, Buffer.from([0x02, 0x84]))),
        ext("2.5.29.37", false, seq(oid("1.3.6.1.5.5.7.3.1"))),
        ext("2.5.29.17", false, san),
      ),
    ),
  );
  const signature = sign("sha256", tbs, privateKey);
  const der = seq(tbs, sigAlg, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const b64 = der.toString("base64").replace(/(.{64})/g, "$1\n");
  return {
    cert: `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith("\n") ? "" : "\n"}-----END CERTIFICATE-----\n`,
    key: privateKey.export({ type: "pkcs8", format: "pem" }) as string,
  };
}
