// The vendored Argo Events sensor examples whose triggers start Argo workflows (an argoWorkflow
// trigger, or a k8s trigger creating a Workflow) and whose sources can be simulated locally
// (webhook-like sources, calendar, the message buses), each run with the local event delivery:
// an event is injected, the Sensor evaluated, and the triggered workflow run with a stand-in
// container engine that echoes each container's command line. The outcome of each is the table in
// docs/events.md ("Upstream sensor examples, run locally"), which this test keeps up to date
// (UPDATE_DOCS=1 rewrites it).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Executor } from "@wfc/runner";
import { runEvents, type SentEvent } from "@wfc/runner/testing";
import { parseK8sYaml } from "@wfc/sdk";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

const VENDOR = join(ROOT, "vendor/argo-events/examples");
type Doc = { kind?: string; metadata?: { name?: string }; spec?: Record<string, unknown> };
type Dep = { name: string; eventSourceName: string; eventName: string };
type Trig = { template?: Record<string, unknown> };

const docsOf = (f: string): Doc[] => parseK8sYaml(readFileSync(join(VENDOR, f), "utf8"), f) as Doc[];
const FILES = readdirSync(VENDOR)
  .filter((f) => f.endsWith(".yaml"))
  .sort();
const SOURCES = FILES.flatMap((f) => docsOf(f).filter((d) => d.kind === "EventSource"));
const NOT_TYPES = ["eventBusName", "service", "template", "replicas"];

/** EventSources the sensors name that no vendored file defines: the type their name says, a minimal event. */
const MISSING: Record<string, [string, Record<string, unknown>]> = {
  "webhook/example-foo": ["webhook", { port: "12000", endpoint: "/example-foo", method: "POST" }],
  "webhook/example1": ["webhook", { port: "12000", endpoint: "/example1", method: "POST" }],
  "mqtt/example": ["mqtt", { url: "tcp://mqtt:1883", topic: "foo", jsonBody: true }],
  "redis-stream/example": ["redisStream", { hostAddress: "redis:6379", streams: ["FOO"] }],
  "gitlab/group-example": ["gitlab", {}],
  "slack/example-insecure": ["slack", {}],
  "bitbucketserver/example": ["bitbucketserver", {}],
  "gcp-pubsub/example": ["pubSub", {}],
};
const WEBHOOK_LIKE = [
  "webhook",
  "github",
  "gitlab",
  "bitbucket",
  "bitbucketserver",
  "slack",
  "stripe",
  "sns",
  "storageGrid",
];
const BUSES = ["amqp", "kafka", "nats", "nsq", "pulsar", "redis", "redisStream", "mqtt", "emitter"];
const SIMULATED = new Set([...WEBHOOK_LIKE, "calendar", ...BUSES]);

function sourceFor(dep: Dep): { doc: Doc; type: string } | undefined {
  const found = SOURCES.find(
    (s) =>
      s.metadata?.name === dep.eventSourceName &&
      Object.entries(s.spec ?? {}).some(
        ([k, v]) => !NOT_TYPES.includes(k) && v && typeof v === "object" && dep.eventName in v,
      ),
  );
  if (found) return { doc: found, type: Object.keys(found.spec ?? {}).find((k) => !NOT_TYPES.includes(k)) ?? "?" };
  const m = MISSING[`${dep.eventSourceName}/${dep.eventName}`];
  if (!m) return undefined;
  return {
    type: m[0],
    doc: { kind: "EventSource", metadata: { name: dep.eventSourceName }, spec: { [m[0]]: { [dep.eventName]: m[1] } } },
  };
}

function startsWorkflow(t: Trig): boolean {
  const tt = t.template ?? {};
  const a = tt.argoWorkflow as { source?: { resource?: Doc } } | undefined;
  const k = tt.k8s as { source?: Record<string, unknown> & { resource?: Doc } } | undefined;
  if (a) return true;
  if (!k?.source) return false;
  if (k.source.resource) return k.source.resource.kind === "Workflow";
  // git, s3, configmap, url: in these examples they all hold a Workflow
  return true;
}

interface Case {
  readonly file: string;
  readonly sensor: Doc;
  readonly deps: readonly Dep[];
  readonly types: readonly string[];
  readonly manifests: readonly Doc[];
}

/** Examples whose triggers start workflows but whose sources are not simulated (not message buses or HTTP). */
const NOT_SIMULATED: string[] = [];

const CASES: Case[] = FILES.filter((f) => f.startsWith("sensors__") || f.startsWith("tutorials__")).flatMap((file) => {
  const docs = docsOf(file);
  const sensor = docs.find((d) => d.kind === "Sensor");
  if (!sensor) return [];
  const triggers = (sensor.spec?.triggers ?? []) as Trig[];
  if (!triggers.some(startsWorkflow)) return [];
  const deps = (sensor.spec?.dependencies ?? []) as Dep[];
  const sources = deps.map(sourceFor);
  const types = sources.map((s) => s?.type ?? "?");
  if (!types.every((t) => SIMULATED.has(t))) {
    NOT_SIMULATED.push(`${file} (${types.filter((t) => !SIMULATED.has(t)).join(", ")})`);
    return [];
  }
  // one EventSource per name: a synthesized event joins the vendored source of the same name
  const byName = new Map<string, Doc>();
  for (const src of sources) {
    if (!src) continue;
    const name = src.doc.metadata?.name ?? "";
    const had = byName.get(name);
    if (!had) byName.set(name, structuredClone(src.doc));
    else {
      const spec = (had.spec ??= {}) as Record<string, Record<string, unknown>>;
      for (const [type, events] of Object.entries(src.doc.spec ?? {}))
        if (!NOT_TYPES.includes(type)) spec[type] = { ...spec[type], ...(events as Record<string, unknown>) };
    }
  }
  const unique = [...byName.values()];
  return [{ file, sensor, deps, types, manifests: [...unique, ...docs.filter((d) => d.kind !== "EventSource")] }];
});

/** The events each example is sent (default: one event per dependency, body { message: "hello" }). */
const EVENTS: Record<string, (deps: readonly Dep[]) => SentEvent[]> = {
  "sensors__filter-script.yaml": () => [{ event: "webhook/example", payload: { a: "b", d: { e: "z" } } }],
  "sensors__filter-with-context.yaml": () => [{ event: "webhook/example", payload: { message: "hello" } }],
  "sensors__filter-with-data-simple-1.yaml": () => [{ event: "webhook/example", payload: { message: "hey" } }],
  "sensors__filter-with-data-simple-3.yaml": () => [{ event: "webhook/example", payload: { value: 50 } }],
  "sensors__filter-with-time-timezone.yaml": () => [
    { event: "webhook/example", payload: { message: "hello" }, time: new Date("2026-01-05T15:00:00Z") },
  ],
  "sensors__time-filter-webhook.yaml": () => [
    { event: "webhook/example", payload: { message: "a" }, time: new Date("2026-01-05T22:30:00Z") },
    { event: "webhook/example1", payload: { message: "b" }, time: new Date("2026-01-05T23:50:00Z") },
  ],
  "sensors__github.yaml": () => [
    {
      event: "github/example",
      headers: { "X-Github-Event": ["pull_request"] },
      payload: {
        action: "opened",
        pull_request: {
          title: "Fix it",
          number: 42,
          state: "open",
          base: { ref: "master" },
          head: { sha: "0123456789abcdef" },
        },
      },
    },
  ],
  "sensors__gitlab-emoji.yaml": () => [
    {
      event: "gitlab/group-example",
      payload: {
        object_kind: "emoji",
        object_attributes: { name: "thumbsup", awardable_type: "Issue" },
        user: { username: "ada" },
        issue: { title: "Broken build" },
      },
    },
  ],
  "sensors__multi-dependencies.yaml": () => [
    { event: "webhook/example", payload: { a: "from the webhook" } },
    { event: "calendar/example-with-interval" },
  ],
  "tutorials__02-parameterization__sensor-05.yaml": () => [
    {
      event: "webhook/example",
      payload: {
        dependencyName: "test-dep",
        dataKey: "body.message",
        dest: "spec.arguments.parameters.0.value",
        message: "rewired",
      },
    },
  ],
  "sensors__trigger-with-template.yaml": () => [
    { event: "webhook/example", payload: { message: "hello world", name: "Some Name" } },
  ],
};
const defaultEvents = (deps: readonly Dep[]): SentEvent[] =>
  deps.map((d) => ({ event: `${d.eventSourceName}/${d.eventName}`, payload: { message: "hello" } }));

/** A container engine that runs nothing: each pod prints its command line (so event values show). */
const echo: Executor = {
  run: async (req) => {
    const c = req.template.container ?? req.template.script;
    return { exitCode: 0, stdout: [...(c?.command ?? []), ...(c?.args ?? [])].join(" ") };
  },
};

const short = (s: string): string => (s.length > 70 ? `${s.slice(0, 69)}…` : s);

async function outcome(c: Case): Promise<string> {
  const events = (EVENTS[c.file] ?? defaultEvents)(c.deps);
  const run = await runEvents(c.manifests, events, { engine: echo });
  const rejected = run.events.flatMap((e) =>
    e.dependencies.filter((d) => !d.passed).map((d) => `${d.dependency} rejected${d.error ? ` (${d.error})` : ""}`),
  );
  const parts = run.triggered.map((t) => {
    if (t.action === "failed") return `${t.trigger}: fires, fails (${t.reason})`;
    if (t.action === "log") return `${t.trigger}: logs the event`;
    if (t.action !== "run") return `${t.trigger}: fires, not run (${t.reason})`;
    if (t.error) return `${t.trigger}: workflow does not start (${t.error})`;
    const args = Object.entries(t.arguments)
      .map(([k, v]) => `${k}=${short(JSON.stringify(v))}`)
      .join(" ");
    const pods = (t.run?.nodes ?? []).filter((n) => n.type === "Pod" && n.result);
    const ran = pods.map((n) => `\`${short(String(n.result).replaceAll("\n", " "))}\``).join(", ");
    return `${t.trigger}: ${t.phase}${args ? ` with ${args}` : ""}${ran ? `; pod ran ${ran}` : ""}`;
  });
  return ([...rejected, ...parts].join("; ") || "nothing fired").replace(/\s*\n\s*/g, " ");
}

const START = "<!-- upstream-local:start -->";
const END = "<!-- upstream-local:end -->";

describe("vendored Argo Events sensor examples, run locally", () => {
  it("lists every example whose triggers start workflows and whose sources can be simulated", () => {
    expect(CASES).toHaveLength(44);
    // the others start workflows from sources that are not HTTP, a calendar or a message bus
    expect(NOT_SIMULATED).toEqual([
      "sensors__aws-sqs.yaml (sqs)",
      "sensors__azure-queue-storage.yaml (azureQueueStorage)",
      "sensors__azure-service-bus.yaml (azureServiceBus)",
      "sensors__file.yaml (file)",
      "sensors__gcp-pubsub.yaml (pubSub)",
      "sensors__hdfs.yaml (hdfs)",
      "sensors__resource.yaml (resource)",
      "sensors__sftp.yaml (sftp)",
      "tutorials__06-trigger-conditions__sensor-01.yaml (minio)",
      "tutorials__06-trigger-conditions__sensor-02.yaml (minio)",
    ]);
  });

  it("each one runs as the table in docs/events.md says", async () => {
    const rows: string[] = [];
    for (const c of CASES) {
      const events = (EVENTS[c.file] ?? defaultEvents)(c.deps).map((e) => (typeof e.event === "string" ? e.event : ""));
      rows.push(
        `| \`${c.file}\` | ${[...new Set(c.types)].join(", ")} | ${events.join(", ")} | ${(await outcome(c)).replaceAll("|", "\\|")} |`,
      );
    }
    const table = [
      "| example | source types | events sent | what `wfc run --event` does |",
      "|---|---|---|---|",
      ...rows,
    ].join("\n");
    const path = join(ROOT, "docs/events.md");
    const doc = readFileSync(path, "utf8");
    const at = doc.indexOf(START);
    const end = doc.indexOf(END);
    expect(at).toBeGreaterThan(0);
    const fresh = `${doc.slice(0, at + START.length)}\n${table}\n${doc.slice(end)}`;
    if (process.env.UPDATE_DOCS) writeFileSync(path, fresh);
    expect(doc.slice(at + START.length, end).trim()).toBe(table);
  });
});
