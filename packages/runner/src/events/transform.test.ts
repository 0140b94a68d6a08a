// Transforms as Argo Events applies them (pkg/sensors/dependencies/transform.go).
import { describe, expect, it } from "vitest";
import { localEvent } from "./cloud-event.js";
import { applyTransform } from "./transform.js";

const event = localEvent({ source: "s", subject: "e", type: "webhook", data: { body: { amount: 1500, name: "x" } } });

describe("applyTransform", () => {
  it("jq replaces the data with the program's object", async () => {
    const out = await applyTransform(event, { jq: ".body.amount |= tostring" }, "d");
    expect(out.data).toEqual({ body: { amount: "1500", name: "x" } });
    expect(event.data).toEqual({ body: { amount: 1500, name: "x" } });
  });
  it("jq output that is not an object is an error", async () => {
    await expect(applyTransform(event, { jq: ".body.amount" }, "sensor s: dependency d")).rejects.toThrow(
      "sensor s: dependency d: jq transformation output must be a JSON object",
    );
  });
  it("a Lua script returns the new data table", async () => {
    const out = await applyTransform(event, { script: 'event.body.name = "y"; return event' }, "d");
    expect(out.data).toEqual({ body: { amount: 1500, name: "y" } });
    await expect(applyTransform(event, { script: "return 1" }, "d")).rejects.toThrow(/not of lua table/);
  });
});

describe("applyTransform: jq outputs", () => {
  it("uses the first of several outputs; an array output is not an object", async () => {
    const two = await applyTransform(event, { jq: "{ a: 1 }, { b: 2 }" }, "d");
    expect(two.data).toEqual({ a: 1 });
    await expect(applyTransform(event, { jq: "[.body.amount, .body.name]" }, "d")).rejects.toThrow(
      /must be a JSON object/,
    );
    await expect(applyTransform(event, { jq: "empty" }, "d")).rejects.toThrow(/no output available/);
  });
});
