import { createCipheriv } from "node:crypto";
import bcryptjs from "bcryptjs";
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

  it("bcrypt writes Go's $2a$ hash at cost 10, which bcrypt verifies", () => {
    const h = ev(`sprig.bcrypt("s3cr3t")`) as string;
    expect(h).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(bcryptjs.compareSync("s3cr3t", h)).toBe(true);
    expect(bcryptjs.compareSync("other", h)).toBe(false);
    // two calls salt differently
    expect(ev(`sprig.bcrypt("s3cr3t")`)).not.toBe(h);
    // golang.org/x/crypto refuses more than 72 bytes; sprig returns the error as text
    expect(ev(`sprig.bcrypt(sprig.repeat(73, "a"))`)).toBe(
      "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes",
    );
    expect(bcryptjs.compareSync("a".repeat(72), ev(`sprig.bcrypt(sprig.repeat(72, "a"))`) as string)).toBe(true);
  });

  it("htpasswd is user:bcrypt(password); a user with a colon is refused as text (sprig v3.3)", () => {
    const line = ev(`sprig.htpasswd("alice", "pw")`) as string;
    const [user, hash] = line.split(/:(.*)/s) as [string, string];
    expect(user).toBe("alice");
    expect(hash).toMatch(/^\$2a\$10\$/);
    expect(bcryptjs.compareSync("pw", hash)).toBe(true);
    expect(ev(`sprig.htpasswd("a:b", "pw")`)).toBe("invalid username: a:b");
    expect(() => ev(`sprig.htpasswd("a", "pw", "sha")`)).toThrow(/invalid number of arguments: expected 2, got 3/);
  });

  it("what needs more than this machine has says so", () => {
    expect(() => ev(`sprig.genPrivateKey("rsa")`)).toThrow(/sprig.genPrivateKey is not supported by the local runner/);
    expect(() => ev(`sprig.getHostByName("example.com")`)).toThrow(/do not resolve names locally/);
  });
});
