/**
 * Two self-contained tasks chained through the event bus, with typed messages.
 *
 * An upload announces a file (`file-uploaded`); the *ingest* task ingests it and announces the
 * result (`file-ingested`); the *report* task reports on it. A third Sensor waits for both
 * messages (a trigger condition over two dependencies) and runs *audit*. Neither task knows who
 * listens: each one reads the message that starts it and, for ingest, publishes the one that says
 * it is done. The messages are declared once (`message(...)`): the publishing template and the
 * Sensors' dependencies are typed from the same zod schema.
 *
 *   npx wfc build examples/events/chain/pipeline.ts
 *   npx wfc run examples/events/chain/pipeline.ts --event file-uploaded --payload examples/events/chain/upload.json
 */
import { argoWorkflowTrigger, eventBus, message, messageSource, publisher, sensor } from "@wfc/events";
import { nodeScript, workflowTemplate, z } from "@wfc/sdk";

export const bus = eventBus({ name: "default", jetstream: { version: "latest" } });

/** A file was uploaded. */
export const fileUploaded = message({
  name: "file-uploaded",
  source: "messages",
  transport: { type: "webhook" },
  payload: z.object({ path: z.string() }),
});

/** A file was ingested: where the result is, and how many rows it has. */
export const fileIngested = message({
  name: "file-ingested",
  source: "messages",
  transport: { type: "webhook" },
  payload: z.object({ path: z.string(), rows: z.number() }),
});

/** The EventSource receiving both messages (one webhook endpoint each). */
export const messages = messageSource({ name: "messages", eventBus: bus, messages: [fileUploaded, fileIngested] });

// Task 1: ingest a file (here: count the characters of its name), then announce the result.
export const ingestFile = nodeScript({
  name: "ingest-file",
  inputs: { path: z.string() },
  result: z.number(),
  run: function ingestFile({ path }) {
    return path.length;
  },
});
export const announceIngested = publisher(fileIngested);

export const ingest = workflowTemplate({ name: "ingest", parameters: { path: z.string() } }, ({ path }) => {
  const ingested = ingestFile({ path });
  announceIngested({ path: `${path}.parquet`, rows: ingested.result });
});

// Task 2: report on an ingested file.
export const reportOn = nodeScript({
  name: "report-on",
  inputs: { path: z.string(), rows: z.number() },
  result: z.string(),
  run: function reportOn({ path, rows }) {
    return `${path}: ${rows} rows`;
  },
});
export const report = workflowTemplate({
  name: "report",
  parameters: { path: z.string(), rows: z.number() },
  entrypoint: reportOn,
});

// Task 3: audit an upload once it was ingested.
export const auditPair = nodeScript({
  name: "audit-pair",
  inputs: { uploaded: z.string(), ingested: z.string() },
  result: z.string(),
  run: function auditPair({ uploaded, ingested }) {
    return `${uploaded} -> ${ingested}`;
  },
});
export const audit = workflowTemplate({
  name: "audit",
  parameters: { uploaded: z.string(), ingested: z.string() },
  entrypoint: auditPair,
});

// The wiring: which message starts which task, and which message field fills which parameter.
export const onUpload = sensor({
  name: "on-upload",
  eventBus: bus,
  template: { serviceAccountName: "operate-workflow-sa" },
  // only CSV files are ingested: a filter on the payload
  dependencies: {
    upload: fileUploaded.dependency.filter({ data: [{ path: "body.path", type: "string", value: ["\\.csv$"] }] }),
  },
  triggers: (deps) => [
    argoWorkflowTrigger("ingest", {
      workflow: ingest,
      operation: "submit",
      arguments: { path: deps.upload.data("body.path") },
    }),
  ],
});

export const onIngested = sensor({
  name: "on-ingested",
  eventBus: bus,
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: { ingested: fileIngested.dependency },
  triggers: (deps) => [
    argoWorkflowTrigger("report", {
      workflow: report,
      operation: "submit",
      arguments: { path: deps.ingested.data("body.path"), rows: deps.ingested.data("body.rows") },
    }),
  ],
});

export const onBoth = sensor({
  name: "on-both",
  eventBus: bus,
  template: { serviceAccountName: "operate-workflow-sa" },
  dependencies: { upload: fileUploaded.dependency, ingested: fileIngested.dependency },
  triggers: (deps) => [
    argoWorkflowTrigger(
      "audit",
      {
        workflow: audit,
        operation: "submit",
        arguments: { uploaded: deps.upload.data("body.path"), ingested: deps.ingested.data("body.path") },
      },
      { conditions: `${deps.upload} && ${deps.ingested}` },
    ),
  ],
});
