/**
 * An ETL pipeline as a DAG with fan-out and fan-in: extract lists the partitions of a day, one
 * transform task runs per partition (`forEachParam`), and load waits for all of them.
 *
 *   npx wfc build examples/etl.ts
 *   npx wfc graph examples/etl.ts
 */
import { artifact, container, forEachParam, param, workflow, z } from "@wfc/sdk";

const IMAGE = "python:3.12-slim";

/** Lists the partitions to process, as a JSON list on /tmp/partitions.json. */
export const extract = container(
  {
    name: "extract",
    inputs: { date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) },
    outputs: {
      partitions: param(z.array(z.string()), { valueFrom: { path: "/tmp/partitions.json" } }),
      raw: artifact({ path: "/data/raw" }),
    },
  },
  ({ date }) => ({
    image: IMAGE,
    command: ["python", "-m", "etl.extract"],
    args: ["--date", date, "--out", "/data/raw", "--partitions", "/tmp/partitions.json"],
  }),
);

/** Cleans one partition. */
export const transform = container(
  {
    name: "transform",
    inputs: { partition: z.string(), raw: artifact({ path: "/data/raw" }) },
    outputs: { rows: param(z.number(), { valueFrom: { path: "/tmp/rows" } }) },
    retryStrategy: { limit: 3, retryPolicy: "OnFailure" },
  },
  ({ partition }) => ({
    image: IMAGE,
    command: ["python", "-m", "etl.transform"],
    args: ["--partition", partition, "--in", "/data/raw", "--rows-file", "/tmp/rows"],
    resources: { requests: { cpu: "500m", memory: "512Mi" } },
  }),
);

/** Loads every transformed partition into the warehouse. */
export const load = container(
  { name: "load", inputs: { date: z.string(), table: z.string().default("events") } },
  ({ date, table }) => ({
    image: IMAGE,
    command: ["python", "-m", "etl.load"],
    args: ["--date", date, "--table", table],
  }),
);

export default workflow(
  {
    generateName: "etl-",
    parameters: { date: z.string().default("2026-01-01") },
    labels: { team: "data" },
    serviceAccountName: "etl",
    ttlStrategy: { secondsAfterSuccess: 3600 },
    podGC: { strategy: "OnPodSuccess" },
  },
  ({ date }) => {
    const e = extract({ date });
    const t = forEachParam(e.outputs.partitions, (partition) => transform({ partition, raw: e.outputs.raw }));
    load({ date }, { after: t });
  },
);
