import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isEventsManifest, validateEventsManifest } from "@wfc/events";
import {
  compile,
  isKubernetesObject,
  isManifestable,
  isWorkflow,
  type KubernetesObject,
  MANIFESTS,
  parseK8sYaml,
  validateManifest,
} from "@wfc/sdk";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { applyCorrections, CORRECTIONS } from "./corrections.js";
import { diffEvents, kindNode } from "./events-equal.js";

// Every upstream Argo Events example holding an EventSource or a Sensor (vendor/argo-events/examples/) is
// reproduced as examples/events/<name>.ts. Each module's exported objects are built and compared with the
// upstream file, parsed on both sides: key order is free, int-or-string fields compare as strings where the
// schema says so, the stale field names listed in corrections.ts are corrected on the upstream side, and
// nothing else is normalised. Upstream documents of other kinds (RBAC, ConfigMap, Pod, Service) are not
// reproduced, except a WorkflowTemplate a sensor triggers.

const VENDOR = join(ROOT, "vendor/argo-events/examples");
const UPSTREAM = readdirSync(VENDOR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const isEventsFile = (f: string) => /^kind: (EventSource|Sensor)\s*$/m.test(readFileSync(join(VENDOR, f), "utf8"));
const EXAMPLES = UPSTREAM.filter(isEventsFile);

async function build(name: string): Promise<KubernetesObject[]> {
  const ns = (await import(join(ROOT, "examples/events", `${name}.ts`))) as Record<string, unknown>;
  const out: KubernetesObject[] = [];
  for (const v of Object.values(ns)) {
    if (isWorkflow(v)) out.push(compile(v));
    else if (isManifestable(v)) out.push(...v[MANIFESTS]());
  }
  return out;
}

function upstream(file: string): KubernetesObject[] {
  const docs = parseK8sYaml(readFileSync(join(VENDOR, file), "utf8"), file)
    .filter(isKubernetesObject)
    .filter((d) => isEventsManifest(d) || d.kind === "WorkflowTemplate");
  const first = docs.findIndex(isEventsManifest);
  applyCorrections(docs[first], CORRECTIONS[file]);
  return docs;
}

it("covers every upstream EventSource and Sensor example", () => {
  expect(EXAMPLES.length).toBe(96);
  const ours = readdirSync(join(ROOT, "examples/events"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.replace(/\.ts$/, ""));
  expect(ours.sort()).toEqual(EXAMPLES.map((f) => f.replace(/\.ya?ml$/, "")).sort());
});

describe.each(EXAMPLES)("examples/events/%s", (file) => {
  const name = file.replace(/\.ya?ml$/, "");

  it("reproduces the upstream example", async () => {
    const ours = await build(name);
    const theirs = upstream(file);
    expect(ours.map((m) => `${m.kind}/${(m.metadata as { name?: string }).name}`)).toEqual(
      theirs.map((m) => `${m.kind}/${(m.metadata as { name?: string }).name}`),
    );
    const diffs = ours.flatMap((m, i) => diffEvents(m, theirs[i], kindNode(m.kind)).map((d) => `${m.kind}: ${d}`));
    expect(diffs).toEqual([]);
  });

  it("passes the Argo Events schema with unknown fields rejected", async () => {
    for (const m of await build(name)) {
      if (isEventsManifest(m)) expect(validateEventsManifest(m)).toEqual([]);
      else expect(validateManifest(m)).toEqual([]);
    }
  });
});

describe("the comparison", () => {
  it('equates 10 and "10" only where the schema says int-or-string', () => {
    const s = (retryStrategy: object) => ({ kind: "Sensor", spec: { triggers: [{ retryStrategy }] } });
    expect(diffEvents(s({ duration: 10 }), s({ duration: "10" }), kindNode("Sensor"))).toEqual([]);
    expect(diffEvents(s({ steps: 3 }), s({ steps: "3" }), kindNode("Sensor"))).toEqual([
      'spec.triggers[0].retryStrategy.steps: 3 != "3"',
    ]);
    expect(diffEvents({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, undefined)).toEqual([]);
  });
});
