import { X509Certificate } from "node:crypto";
import { createSecureContext } from "node:tls";
import { describe, expect, it } from "vitest";
import { derInteger, selfSignedCert } from "./cert.js";

const hex = (b: Buffer): string => b.toString("hex");

describe("the test doubles' self-signed certificate", () => {
  it("encodes integers in DER's one minimal form (a serial starting 0x00 0x00..0x7f made OpenSSL fail with 'illegal padding')", () => {
    expect(hex(derInteger(Buffer.from([0x00, 0x05])))).toBe("020105");
    expect(hex(derInteger(Buffer.from([0x00, 0x00, 0x7f, 0x01])))).toBe("02027f01");
    expect(hex(derInteger(Buffer.from([0x00, 0x80])))).toBe("02020080");
    expect(hex(derInteger(Buffer.from([0x80, 0x01])))).toBe("0203008001");
    expect(hex(derInteger(Buffer.from([0x00])))).toBe("020100");
    expect(hex(derInteger(Buffer.from([0x02])))).toBe("020102");
  });

  it("is accepted by OpenSSL every time, for localhost and 127.0.0.1", () => {
    // Before the fix, about 1 in 256 certificates was refused.
    for (let i = 0; i < 64; i++) {
      const { cert, key } = selfSignedCert(`double-${i}`);
      expect(() => createSecureContext({ cert, key })).not.toThrow();
      const x509 = new X509Certificate(cert);
      expect(x509.subject).toBe(`CN=double-${i}`);
      expect(x509.checkHost("localhost")).toBe("localhost");
      expect(x509.checkIP("127.0.0.1")).toBe("127.0.0.1");
      expect(x509.verify(x509.publicKey)).toBe(true);
      expect(x509.serialNumber).toMatch(/^[0-9A-F]{24}$/);
    }
  });
});
