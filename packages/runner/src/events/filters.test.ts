// Filters as Argo Events evaluates them: cases follow pkg/sensors/dependencies/filter*_test.go.
import { describe, expect, it } from "vitest";
import { localEvent } from "./cloud-event.js";
import { filterEvent } from "./filters.js";
import type { FiltersSpec } from "./manifest-types.js";

const at = (iso: string, data: unknown = { k: "v" }) =>
  localEvent({ source: "webhook-gateway", subject: "example-1", type: "webhook", data, time: new Date(iso) });
const ev = at("2026-03-04T16:36:34Z");
const f = (filters: FiltersSpec, op?: string, e = ev) => filterEvent(e, filters, op);

describe("filterEvent (filtersLogicalOperator)", () => {
  it("passes with no filter, or an empty one", () => {
    expect(filterEvent(ev, undefined, undefined)).toEqual({ pass: true });
    expect(f({})).toEqual({ pass: true });
  });
  it("data filter: passes, and rejects with an error on a missing path (and)", () => {
    expect(f({ data: [{ path: "k", type: "string", value: ["v"] }] })).toEqual({ pass: true });
    const r = f({ data: [{ path: "z", type: "string", value: ["v"] }] });
    expect(r.pass).toBe(false);
    expect(r.error).toBe("data filter error (path 'z' does not exist)");
  });
  it("a malformed time is an error", () => {
    const r = f({ time: { start: "09:09:0", stop: "19:19:19" } });
    expect(r.pass).toBe(false);
    expect(r.error).toMatch(/^time filter error/);
  });
  it("'and' (or empty): every filter must pass", () => {
    const context = { type: "webhook", source: "webhook-gateway" };
    expect(f({ context, data: [{ path: "k", type: "string", value: ["z"] }] }, "")).toEqual({ pass: false });
    expect(
      f(
        { context: { type: "webhook", source: "webhook-fake" }, data: [{ path: "k", type: "string", value: ["v"] }] },
        "and",
      ),
    ).toEqual({
      pass: false,
    });
    expect(f({ context, data: [{ path: "k", type: "string", value: ["v"] }] }, "and")).toEqual({ pass: true });
  });
  it("'or': one filter that is set and passes is enough; errors are reported beside the verdict", () => {
    const context = { type: "webhook", source: "webhook-gateway" };
    const r = f({ context, data: [{ path: "z", type: "string", value: ["v"] }] }, "or");
    expect(r.pass).toBe(true);
    // the data list's own operator is 'and': its error is the single-filter form
    expect(r.error).toBe("data filter error (path 'z' does not exist)");
    expect(f({ context: { type: "calendar" }, data: [{ path: "k", type: "string", value: ["x"] }] }, "or")).toEqual({
      pass: false,
    });
  });
});

describe("data filters", () => {
  const data = { a: { b: 5, s: "hello world", t: true, n: "12" }, list: [{ id: 1 }, { id: 2 }] };
  const d = (filters: FiltersSpec["data"], op?: string) =>
    f({ data: filters, ...(op ? { dataLogicalOperator: op } : {}) }, undefined, at("2026-03-04T10:00:00Z", data));
  it("number comparators", () => {
    expect(d([{ path: "a.b", type: "number", comparator: ">", value: ["4"] }]).pass).toBe(true);
    expect(d([{ path: "a.b", type: "number", comparator: ">=", value: ["5"] }]).pass).toBe(true);
    expect(d([{ path: "a.b", type: "number", comparator: "<", value: ["5"] }]).pass).toBe(false);
    expect(d([{ path: "a.b", type: "number", comparator: "!=", value: ["5"] }]).pass).toBe(false);
    expect(d([{ path: "a.b", type: "number", value: ["1", "5"] }]).pass).toBe(true);
    // gjson reads a numeric string as its number
    expect(d([{ path: "a.n", type: "number", comparator: "=", value: ["12"] }]).pass).toBe(true);
    expect(d([{ path: "a.b", type: "number", value: ["five"] }]).error).toContain('strconv.ParseFloat: parsing "five"');
  });
  it("strings are regular expressions; != negates", () => {
    expect(d([{ path: "a.s", type: "string", value: ["^hello"] }]).pass).toBe(true);
    expect(d([{ path: "a.s", type: "string", value: ["^world"] }]).pass).toBe(false);
    expect(d([{ path: "a.s", type: "string", comparator: "!=", value: ["^world"] }]).pass).toBe(true);
  });
  it("bools, unknown types, no values", () => {
    expect(d([{ path: "a.t", type: "bool", value: ["true"] }]).pass).toBe(true);
    expect(d([{ path: "a.t", type: "bool", value: ["false"] }]).pass).toBe(false);
    expect(d([{ path: "a.t", type: "date", value: ["x"] }]).error).toBe(
      "data filter error (unsupported JSON type 'date')",
    );
    expect(d([{ path: "a.t", type: "bool", value: [] }]).error).toBe("data filter error (no values specified)");
  });
  it("gjson paths: array index and #", () => {
    expect(d([{ path: "list.1.id", type: "number", value: ["2"] }]).pass).toBe(true);
    expect(d([{ path: "list.#", type: "number", value: ["2"] }]).pass).toBe(true);
  });
  it("a template rewrites the value before comparing", () => {
    expect(d([{ path: "a.s", type: "string", value: ["^HELLO"], template: "{{ .Input | upper }}" }]).pass).toBe(true);
  });
  it("dataLogicalOperator or", () => {
    const filters = [
      { path: "a.b", type: "number", value: ["1"] },
      { path: "a.s", type: "string", value: ["world"] },
    ];
    expect(d(filters).pass).toBe(false);
    expect(d(filters, "or").pass).toBe(true);
  });
});

describe("expr filters (govaluate over fields)", () => {
  const data = { a: "b", c: 10, e: false, d: { x: 1 } };
  const x = (exprs: FiltersSpec["exprs"], op?: string) =>
    f({ exprs, ...(op ? { exprLogicalOperator: op } : {}) }, undefined, at("2026-03-04T10:00:00Z", data));
  const fields = [
    { name: "a", path: "a" },
    { name: "c", path: "c" },
  ];
  it("evaluates each expression over its fields", () => {
    expect(x([{ expr: 'a == "b" || c == 10', fields }]).pass).toBe(true);
    expect(x([{ expr: 'a == "b" && c != 10', fields }]).pass).toBe(false);
    expect(x([{ expr: "e == false", fields: [{ name: "e", path: "e" }] }]).pass).toBe(true);
  });
  it("and: all must hold; or: one is enough", () => {
    const exprs = [
      { expr: 'a == "b" && c != 10', fields },
      { expr: "e == false", fields: [{ name: "e", path: "e" }] },
    ];
    expect(x(exprs).pass).toBe(false);
    expect(x(exprs, "or").pass).toBe(true);
  });
  it("a missing field path is an error", () => {
    expect(x([{ expr: "z == 1", fields: [{ name: "z", path: "nope" }] }]).error).toBe(
      "expr filter error (path 'nope' does not exist)",
    );
  });
});

describe("context filters", () => {
  it("compares the set fields only", () => {
    expect(f({ context: { source: "webhook-gateway" } }).pass).toBe(true);
    expect(f({ context: { subject: "example-1", type: "webhook" } }).pass).toBe(true);
    expect(f({ context: { subject: "example-2" } }).pass).toBe(false);
    expect(f({ context: { datacontenttype: "application/json" } }).pass).toBe(true);
  });
});

describe("time filters", () => {
  it("start inclusive, stop exclusive, in UTC", () => {
    const t = { start: "09:00:00", stop: "17:00:00" };
    expect(f({ time: t }, undefined, at("2024-07-15T09:00:00Z")).pass).toBe(true);
    expect(f({ time: t }, undefined, at("2024-07-15T17:00:00Z")).pass).toBe(false);
    expect(f({ time: t }, undefined, at("2024-07-15T08:59:59Z")).pass).toBe(false);
  });
  it("stop before start spans midnight", () => {
    const t = { start: "22:00:00", stop: "02:00:00" };
    expect(f({ time: t }, undefined, at("2024-07-15T23:00:00Z")).pass).toBe(true);
    expect(f({ time: t }, undefined, at("2024-07-15T01:00:00Z")).pass).toBe(true);
    expect(f({ time: t }, undefined, at("2024-07-15T12:00:00Z")).pass).toBe(false);
  });
  it("in a time zone (the upstream tests' cases)", () => {
    const ny = { start: "09:00:00", stop: "17:00:00", timezone: "America/New_York" };
    expect(f({ time: ny }, undefined, at("2024-07-15T14:00:00Z")).pass).toBe(true);
    expect(f({ time: ny }, undefined, at("2024-07-15T12:00:00Z")).pass).toBe(false);
    expect(f({ time: ny }, undefined, at("2024-07-15T22:00:00Z")).pass).toBe(false);
    const tokyo = { start: "09:00:00", stop: "17:00:00", timezone: "Asia/Tokyo" };
    expect(f({ time: tokyo }, undefined, at("2024-07-15T01:00:00Z")).pass).toBe(true);
    const london = { start: "10:00:00", stop: "18:00:00", timezone: "Europe/London" };
    expect(f({ time: london }, undefined, at("2024-07-15T10:00:00Z")).pass).toBe(true);
    const bad = f({ time: { start: "09:00:00", stop: "17:00:00", timezone: "Invalid/Timezone" } });
    expect(bad.pass).toBe(false);
    expect(bad.error).toContain("invalid timezone");
  });
});

describe("script filters (Lua)", () => {
  it("passes when the script returns true", () => {
    const e = at("2026-03-04T10:00:00Z", { a: "b", n: 5 });
    expect(
      f({ script: 'if event.a == "b" and event.n > 3 then return true else return false end' }, undefined, e).pass,
    ).toBe(true);
    expect(f({ script: "return event.n > 10" }, undefined, e).pass).toBe(false);
  });
});
