import { describe, expect, it } from "vitest";
import { roundTrip, summary } from "./harness.js";

/**
 * Upstream examples that do not round-trip yet, with the stage that fails and why (see
 * docs/import.md). The test fails when this list is out of date in either direction.
 */
const KNOWN: Record<string, string> = {};

describe("wfc import round trip over vendor/argo/examples", () => {
  it("imports, type-checks (one tsc --strict), compiles and compares every Argo-kind example", async () => {
    const rt = await roundTrip();
    console.log(summary(rt));
    expect(rt.results.length).toBeGreaterThanOrEqual(160);
    const failing = Object.fromEntries(rt.results.filter((r) => r.status !== "ok").map((r) => [r.file, r.status]));
    expect(failing).toEqual(KNOWN);
  }, 180_000);
});
