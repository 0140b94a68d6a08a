import { describe, expect, it } from "vitest";
import { jqOutputs } from "./jq.js";

describe("jqOutputs", () => {
  it("gives every output of the filter, in order, decoded", async () => {
    expect(await jqOutputs({ items: [{ n: 1 }, { n: "two" }, { n: { a: [true, null] } }] }, ".items[].n")).toEqual([
      1,
      "two",
      { a: [true, null] },
    ]);
  });

  it("gives no outputs for `empty`, and one per value of a stream", async () => {
    expect(await jqOutputs({ a: 1 }, "empty")).toEqual([]);
    expect(await jqOutputs({}, "1, 2, 3")).toEqual([1, 2, 3]);
  });

  it("a string containing a newline is one output (compact output escapes it)", async () => {
    expect(await jqOutputs({ s: "a\nb" }, ".s")).toEqual(["a\nb"]);
  });

  it("rejects with jq's error for a filter that does not compile or fails", async () => {
    await expect(jqOutputs({}, ".a[")).rejects.toThrow();
    await expect(jqOutputs({ a: 1 }, ".a[]")).rejects.toThrow(/cannot iterate/i);
  });
});
