import { z } from "@wfc/sdk";
import { describe, expect, it } from "vitest";
import { baseType, checkValue, decodeValue, encodeValue } from "./values.js";

describe("values: typed <-> Argo strings, as wfc's scripts pass them", () => {
  it("encodes strings as they are and everything else as JSON", () => {
    expect(encodeValue("a b")).toBe("a b");
    expect(encodeValue(3)).toBe("3");
    expect(encodeValue(true)).toBe("true");
    expect(encodeValue(["a", "b"])).toBe('["a","b"]');
    expect(encodeValue({ k: 1 })).toBe('{"k":1}');
  });

  it("decodes by the declared schema, under wrappers", () => {
    expect(baseType(z.number().default(1).optional())).toBe("number");
    expect(decodeValue("42", z.string())).toEqual({ ok: true, value: "42" });
    expect(decodeValue("42", z.number())).toEqual({ ok: true, value: 42 });
    expect(decodeValue("true", z.boolean())).toEqual({ ok: true, value: true });
    expect(decodeValue('["a"]', z.array(z.string()))).toEqual({ ok: true, value: ["a"] });
    // ambiguous text (a union): JSON first, then the text
    expect(decodeValue("7", z.union([z.string(), z.number()]))).toEqual({ ok: true, value: 7 });
    expect(decodeValue("a", z.union([z.string(), z.number()]))).toEqual({ ok: true, value: "a" });
    expect(decodeValue("x", z.enum(["x", "y"]))).toEqual({ ok: true, value: "x" });
  });

  it("says why a value does not fit", () => {
    const d = decodeValue("seven", z.number());
    expect(d.ok).toBe(false);
    expect(d.ok ? "" : d.why).toMatch(/number/i);
    expect(checkValue("3", z.number()).ok).toBe(false);
    expect(checkValue(3, z.number().int())).toEqual({ ok: true, value: 3 });
  });

  it("without a schema: JSON when it parses, else the text", () => {
    expect(decodeValue("[1,2]", undefined)).toEqual({ ok: true, value: [1, 2] });
    expect(decodeValue("hello", undefined)).toEqual({ ok: true, value: "hello" });
  });
});
