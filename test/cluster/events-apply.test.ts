/**
 * `wfc apply` of Argo Events modules: checked against the Argo Events schema first, applied in
 * dependency order (EventBus, templates, EventSources, Sensors) after a server dry run of every
 * object, and a failure in the middle says what was applied and what was not.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, ROOT, startCluster, wfc } from "./harness.js";

let c: Cluster;
let chain: string;
beforeAll(async () => {
  c = await startCluster();
  // the "two tasks chained through the event bus" module of docs/events.md, as a user would save it
  const doc = readFileSync(path.join(ROOT, "docs/events.md"), "utf8");
  const block = /## Two tasks chained through the event bus[\s\S]*?```ts\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error("docs/events.md: the chained-tasks example is gone");
  const cache = path.join(ROOT, "tmp/wfc-tests"); // ignored by git; inside the repo so @wfc/* resolve
  mkdirSync(cache, { recursive: true });
  chain = path.join(mkdtempSync(path.join(cache, "events-")), "chain.ts");
  writeFileSync(chain, block);
});
afterAll(() => c.close());

const APPLIED = [
  "eventbus.argoproj.io/default",
  "workflowtemplate.argoproj.io/ingest",
  "workflowtemplate.argoproj.io/report",
  "workflowtemplate.argoproj.io/audit",
  "eventsource.argoproj.io/messages",
  "sensor.argoproj.io/on-both",
  "sensor.argoproj.io/on-ingested",
  "sensor.argoproj.io/on-upload",
];

const writesIn = (ns: string) =>
  c.k8s.requests.filter((r) => r.method !== "GET" && r.path.includes(`/namespaces/${ns}/`));

describe.sequential("wfc apply of Argo Events modules", { timeout: 120_000 }, () => {
  it("deploys the bus, the templates, the source and the sensors, in that order, after a dry run of each", async () => {
    const r = await wfc(["apply", chain, "-n", "ev1"], c.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(APPLIED.map((n) => `${n} created\n`).join(""));
    expect(r.stderr).toBe("8 objects: 8 created, 0 configured, 0 unchanged\n");
    const posts = writesIn("ev1").map((q) => `${q.query.dryRun ? "dry-run " : ""}${q.path.split("/").slice(-1)[0]}`);
    const plurals = [
      "eventbus",
      "workflowtemplates",
      "workflowtemplates",
      "workflowtemplates",
      "eventsources",
      "sensors",
      "sensors",
      "sensors",
    ];
    expect(posts).toEqual([...plurals.map((p) => `dry-run ${p}`), ...plurals]);
    expect(writesIn("ev1").every((q) => q.query.fieldValidation === "Strict")).toBe(true);
    const sensor = c.k8s.store.get("sensors", "ev1", "on-upload");
    expect(sensor.spec.triggers[0].template.argoWorkflow.source.resource.spec.workflowTemplateRef).toEqual({
      name: "ingest",
    });
    expect(c.k8s.store.get("eventbus", "ev1", "default").spec).toEqual({ jetstream: { version: "latest" } });

    const again = await wfc(["apply", chain, "-n", "ev1"], c.env);
    expect(again.stdout).toBe(APPLIED.map((n) => `${n} unchanged\n`).join(""));
    expect(writesIn("ev1")).toHaveLength(16);

    // get, list and delete know the Events kinds
    expect((await wfc(["list", "sensors", "-n", "ev1", "-o", "name"], c.env)).stdout).toBe(
      "sensor.argoproj.io/on-both\nsensor.argoproj.io/on-ingested\nsensor.argoproj.io/on-upload\n",
    );
    expect((await wfc(["get", "eventsource/messages", "-n", "ev1"], c.env)).stdout).toMatch(
      /^NAME +AGE\nmessages +\d+s\n$/,
    );
    expect((await wfc(["get", "eventbus/default", "-n", "ev1", "-o", "yaml"], c.env)).stdout).toMatch(
      /^apiVersion: argoproj.io\/v1alpha1\nkind: EventBus\n/,
    );
    expect((await wfc(["delete", "sensor/on-upload", "-n", "ev1"], c.env)).stdout).toBe(
      'sensor.argoproj.io "on-upload" deleted\n',
    );
    expect(c.k8s.store.list("sensors", "ev1").map((s) => s.metadata.name)).toEqual(["on-both", "on-ingested"]);
  });

  it("a misspelt Sensor field is found before anything is sent", async () => {
    const bad = chain.replace(/chain\.ts$/, "bad.ts");
    writeFileSync(
      bad,
      readFileSync(chain, "utf8").replace(
        'template: { serviceAccountName: "operate-workflow-sa" },',
        'template: { serviceAccountName: "operate-workflow-sa", serviceAcountName: "x" } as never,',
      ),
    );
    const before = c.k8s.requests.length;
    const r = await wfc(["apply", bad, "-n", "ev2"], c.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/Sensor\/on-upload.*spec\.template\.serviceAcountName: unknown field/);
    expect(c.k8s.requests.length).toBe(before);
  });

  it("a dry run refused by the server: nothing is applied", async () => {
    const r = await wfc(["apply", chain, "-n", "ev3", "--context", "viewer"], c.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^error: validating \(server dry run\) EventBus "default" in namespace "ev3": Forbidden \(403\).*; nothing was applied \[E_DRY_RUN\]\n$/,
    );
    expect(writesIn("ev3").filter((q) => !q.query.dryRun)).toEqual([]);
  });

  it("a write failing after the dry run says exactly what was created and what was not", async () => {
    c.k8s.faults.failCreateOnce = "eventsources";
    const r = await wfc(["apply", chain, "-n", "ev4"], c.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      'error: creating EventSource "messages" in namespace "ev4": ServerError (500): Internal error occurred: etcdserver: request timed out; the server failed; try again or check its logs; ' +
        "applied before it: eventbus.argoproj.io/default created, workflowtemplate.argoproj.io/ingest created, workflowtemplate.argoproj.io/report created, workflowtemplate.argoproj.io/audit created; " +
        "not applied: eventsource.argoproj.io/messages, sensor.argoproj.io/on-both, sensor.argoproj.io/on-ingested, sensor.argoproj.io/on-upload [E_PARTIAL_APPLY]\n",
    );
    expect(c.k8s.store.list("sensors", "ev4")).toEqual([]);
    // the next apply completes it
    const next = await wfc(["apply", chain, "-n", "ev4"], c.env);
    expect(next.stdout).toBe(APPLIED.map((n, i) => `${n} ${i < 4 ? "unchanged" : "created"}\n`).join(""));
  });
});
