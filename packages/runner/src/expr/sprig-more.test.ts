import { createCipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { argoEnv, evaluate } from "./index.js";

const env = argoEnv({});
const ev = (code: string) => evaluate(code, env);

describe("more sprig v3 functions (expected values from sprig's own tests and Go's libraries)", () => {
  it.each([
    // sprig crypto_test.go: TestAdler32Sum
    [`sprig.adler32sum("abc")`, "38600999"],
    [`sprig.b32enc("Hello World")`, "JBSWY3DPEBLW64TMMQ======"],
    [`sprig.b32dec("JBSWY3DPEBLW64TMMQ======")`, "Hello World"],
    [`sprig.toDecimal("0777")`, 511],
    [`sprig.toDecimal("9")`, 0],
    [`sprig.duration("95")`, "1m35s"],
    [`sprig.duration(3600)`, "1h0m0s"],
    [
      `sprig.date("2006-01-02 15:04", sprig.dateModify("1h30m", date("2024-01-15 12:00:00", "2006-01-02 15:04:05")))`,
      "2024-01-15 13:30",
    ],
    [`sprig.date("15:04", sprig.dateModify("junk", date("2024-01-15 12:00:00", "2006-01-02 15:04:05")))`, "12:00"],
    [`sprig.htmlDateInZone(date("2024-01-15 23:30:00", "2006-01-02 15:04:05"), "Asia/Tokyo")`, "2024-01-16"],
    [`sprig.urlParse("https://user:pw@example.com:8443/a/b?x=1#frag").hostname`, "example.com"],
    [`sprig.urlParse("https://user:pw@example.com:8443/a/b?x=1#frag").host`, "example.com:8443"],
    [`sprig.urlParse("https://user:pw@example.com:8443/a/b?x=1#frag").path`, "/a/b"],
    [`sprig.urlParse("https://user:pw@example.com:8443/a/b?x=1#frag").query`, "x=1"],
    [`sprig.urlParse("https://user:pw@example.com:8443/a/b?x=1#frag").userinfo`, "user:pw"],
    [`sprig.urlParse("mailto:a@b.c").opaque`, "a@b.c"],
    // sprig url_test.go: TestUrlJoin
    [
      `sprig.urlJoin({"host": "example.com", "path": "/path", "query": "query=1", "scheme": "https"})`,
      "https://example.com/path?query=1",
    ],
    [`sprig.urlJoin({"scheme": "mailto", "opaque": "a@b.c"})`, "mailto:a@b.c"],
    [`len(sprig.randAlphaNum(12))`, 12],
    [`sprig.randNumeric(20) matches "^[0-9]{20}$"`, true],
    [`sprig.randAlpha(8) matches "^[a-zA-Z]{8}$"`, true],
    [`len(sprig.randAscii(5))`, 5],
    [`len(sprig.randBytes(12))`, 16],
    [`sprig.randInt(3, 4)`, 3],
    [`sprig.decryptAES("secretkey", sprig.encryptAES("secretkey", "plaintext"))`, "plaintext"],
    [`sprig.encryptAES("secretkey", "")`, ""],
  ])("%s", (code, want) => expect(ev(code)).toEqual(want));

  it("decryptAES reads what Go's sprig wrote (a fixed IV)", () => {
    // sprig's layout: the 16-byte IV, then AES-256-CBC with PKCS#7 padding, the key the password zero-padded
    const key = Buffer.alloc(32);
    Buffer.from("secretkey").copy(key);
    const iv = Buffer.alloc(16, 7);
    const c = createCipheriv("aes-256-cbc", key, iv);
    const b64 = Buffer.concat([iv, c.update("hello world", "utf8"), c.final()]).toString("base64");
    expect(ev(`sprig.decryptAES("secretkey", "${b64}")`)).toBe("hello world");
  });

  it("what needs more than this machine has says so", () => {
    expect(() => ev(`sprig.semverCompare(">=1.2", "1.3.0")`)).toThrow(
      /sprig.semverCompare is not supported by the local runner/,
    );
    expect(() => ev(`sprig.bcrypt("x")`)).toThrow(/sprig.bcrypt is not supported/);
    expect(() => ev(`sprig.getHostByName("example.com")`)).toThrow(/do not resolve names locally/);
  });
});
