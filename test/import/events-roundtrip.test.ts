/**
 * `wfc import` of Argo Events objects: every vendored Argo Events example
 * (vendor/argo-events/examples/) holding an EventSource or a Sensor is imported (its Argo Events
 * documents, and a WorkflowTemplate a sensor triggers), type-checked with one `tsc --strict`,
 * built, and compared with the upstream documents the way test/events/golden.test.ts compares
 * examples/events/ (key order free, int-or-string fields as the Argo Events schema says). Upstream
 * files with stale field names (test/events/corrections.ts) are refused as they are, and
 * round-trip once corrected.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ImportError, importManifests } from "@wfc/import";
import { k8sEqual, parseK8sYaml } from "@wfc/sdk";
import { describe, expect, it } from "vitest";
import { applyCorrections, CORRECTIONS } from "../events/corrections.js";
import { diffEvents, kindNode } from "../events/events-equal.js";
import { OUT, ROOT, roundTrip, summary } from "./harness.js";

const VENDOR = join(ROOT, "vendor/argo-events/examples");
const EVENTS = new Set(["EventSource", "Sensor", "EventBus"]);
const FILES = readdirSync(VENDOR)
  .filter((f) => /\.ya?ml$/.test(f))
  .filter((f) => /^kind: (EventSource|Sensor|EventBus)\s*$/m.test(readFileSync(join(VENDOR, f), "utf8")))
  .sort();

type Doc = { kind?: string; metadata?: { name?: string } };
const select = (docs: unknown[], file: string): unknown[] => {
  const out = (docs as Doc[]).filter((d) => EVENTS.has(String(d?.kind)) || d?.kind === "WorkflowTemplate");
  const first = out.findIndex((d) => EVENTS.has(String(d.kind)));
  if (first >= 0) applyCorrections(out[first] as never, CORRECTIONS[file]);
  return out;
};
const compare = (expected: unknown[], built: unknown[]): string[] => {
  const name = (d: unknown) => `${(d as Doc).kind}/${(d as Doc).metadata?.name}`;
  const e = [...expected].sort((a, b) => name(a).localeCompare(name(b)));
  const b = [...built].sort((a, c) => name(a).localeCompare(name(c)));
  if (e.map(name).join() !== b.map(name).join()) return [`documents ${e.map(name)} != ${b.map(name)}`];
  return e.flatMap((d, i) => {
    const kind = String((d as Doc).kind);
    if (EVENTS.has(kind)) return diffEvents(b[i], d, kindNode(kind)).map((x) => `${name(d)}: ${x}`);
    return k8sEqual([d], [b[i]]).diffs;
  });
};

describe("wfc import round trip over vendor/argo-events/examples", () => {
  it("imports, type-checks, builds and compares every EventSource and Sensor example", async () => {
    expect(FILES.length).toBe(96);
    const rt = await roundTrip(undefined, {
      dir: VENDOR,
      files: FILES,
      out: join(OUT, "..", "events"),
      select,
      compare,
    });
    console.log(summary(rt));
    expect(rt.results.filter((r) => r.status !== "ok")).toEqual([]);
    expect(rt.results).toHaveLength(96);
  }, 240_000);

  it("refuses an upstream file with a stale field as it is, naming the field and its line", () => {
    // Stale fields (renamed, removed, moved) are schema problems the importer sees; a `set` correction
    // fixes Argo semantics inside a trigger's embedded resource, which the importer does not check.
    const files = Object.entries(CORRECTIONS)
      .filter(([, cs]) => cs.some((c) => c.op !== "set"))
      .map(([f]) => f);
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const docs = (parseK8sYaml(readFileSync(join(VENDOR, f), "utf8"), f) as Doc[]).filter((d) =>
        EVENTS.has(String(d?.kind)),
      );
      const text = docs.map((d) => JSON.stringify(d)).join("\n---\n");
      let err: unknown;
      try {
        importManifests(text, f);
      } catch (e) {
        err = e;
      }
      expect(err, f).toBeInstanceOf(ImportError);
      expect((err as ImportError).code).toBe("E_IMPORT_INVALID");
      expect((err as Error).message, f).toMatch(new RegExp(`^${f.replace(/\./g, "\\.")}:\\d+:\\d+: spec\\.`));
    }
  });
});
