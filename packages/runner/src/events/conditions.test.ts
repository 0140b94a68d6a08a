// Trigger conditions as the JetStream trigger connection evaluates them.
import { describe, expect, it } from "vitest";
import { localEvent } from "./cloud-event.js";
import { dependencyExpression, TriggerConditions } from "./conditions.js";
import { EventError } from "./errors.js";

const e = (subject: string, time = "2026-03-04T10:00:00Z") =>
  localEvent({ source: "s", subject, type: "webhook", data: {}, time: new Date(time) });
const now = new Date("2026-03-04T10:00:00Z");

describe("trigger conditions", () => {
  it("default: every dependency, joined by &&", () => {
    const expr = dependencyExpression({ template: { name: "t" } }, ["dep-a", "dep-b"], "sensor s");
    expect(expr).toEqual({ text: "dep\\-a&&dep\\-b", names: ["dep-a", "dep-b"], and: true });
    const c = new TriggerConditions(expr, []);
    expect(c.receive("dep-a", e("a"), now)).toEqual({ fired: false, waiting: ["dep-a"] });
    const r = c.receive("dep-b", e("b"), now);
    expect(r.fired && Object.keys(r.events).sort()).toEqual(["dep-a", "dep-b"]);
    // cleared after firing
    expect(c.waiting).toEqual([]);
  });
  it("the latest event of a dependency is kept", () => {
    const c = new TriggerConditions(
      dependencyExpression({ template: { name: "t", conditions: "a && b" } }, ["a", "b"], "s"),
      [],
    );
    c.receive("a", e("first"), now);
    c.receive("a", e("second"), now);
    const r = c.receive("b", e("b"), now);
    expect(r.fired && r.events.a?.context.subject).toBe("second");
  });
  it("without &&, each event fires alone", () => {
    const c = new TriggerConditions(
      dependencyExpression({ template: { name: "t", conditions: "a || b" } }, ["a", "b"], "s"),
      [],
    );
    const r = c.receive("b", e("b"), now);
    expect(r.fired && Object.keys(r.events)).toEqual(["b"]);
  });
  it("groups: a && (b || c)", () => {
    const c = new TriggerConditions(
      dependencyExpression({ template: { name: "t", conditions: "a && (b || c)" } }, ["a", "b", "c"], "s"),
      [],
    );
    expect(c.receive("c", e("c"), now).fired).toBe(false);
    const r = c.receive("a", e("a"), now);
    expect(r.fired && Object.keys(r.events).sort()).toEqual(["a", "c"]);
  });
  it("a dependency the expression does not name does not count", () => {
    const c = new TriggerConditions(
      dependencyExpression({ template: { name: "t", conditions: "a" } }, ["a", "b"], "s"),
      [],
    );
    expect(c.receive("b", e("b"), now)).toEqual({ fired: false, waiting: [] });
  });
  it("an unknown name is an error naming the trigger", () => {
    expect(() => dependencyExpression({ template: { name: "t", conditions: "a && nope" } }, ["a"], "sensor s")).toThrow(
      EventError,
    );
    expect(() => dependencyExpression({ template: { name: "t", conditions: "a && nope" } }, ["a"], "sensor s")).toThrow(
      'sensor s: trigger t: conditions "a && nope" name "nope", not a dependency (a)',
    );
  });
  it("conditionsReset drops kept events at each cron tick", () => {
    const c = new TriggerConditions(
      dependencyExpression({ template: { name: "t", conditions: "a && b" } }, ["a", "b"], "s"),
      [{ byTime: { cron: "0 * * * *" } }],
    );
    c.receive("a", e("a", "2026-03-04T10:10:00Z"), new Date("2026-03-04T10:10:00Z"));
    // 11:00 passed: a is dropped, b waits alone
    expect(c.receive("b", e("b", "2026-03-04T11:05:00Z"), new Date("2026-03-04T11:05:00Z"))).toEqual({
      fired: false,
      waiting: ["b"],
    });
    expect(c.receive("a", e("a", "2026-03-04T11:30:00Z"), new Date("2026-03-04T11:30:00Z")).fired).toBe(true);
  });
});
