/**
 * Container-native data ingestion: a WorkflowTemplate that downloads a file over HTTP as an
 * artifact, validates it in one container, and uploads it to S3 from another — each step its
 * own image, data passed between them as artifacts, never through the workflow controller.
 *
 *   npx wfc build examples/data-ingestion.ts
 */
import { artifact, container, workflowTemplate, z } from "@wfc/sdk";

/** Checks the CSV has the expected header and at least one row; writes a report. */
export const validate = container(
  {
    name: "validate",
    inputs: { source: artifact({ path: "/data/in.csv" }), header: z.string() },
    outputs: { report: artifact({ path: "/data/report.json", archive: { none: {} } }) },
  },
  ({ header }) => ({
    image: "ghcr.io/example/csv-tools:1.4",
    command: ["csv-validate"],
    args: ["--header", header, "--report", "/data/report.json", "/data/in.csv"],
  }),
);

/** Copies the validated file into the bucket under the given key. */
export const upload = container(
  {
    name: "upload",
    inputs: { source: artifact({ path: "/data/in.csv" }), key: z.string() },
    outputs: {
      stored: artifact({
        path: "/data/in.csv",
        s3: {
          bucket: "ingest",
          key: "{{inputs.parameters.key}}",
          endpoint: "s3.amazonaws.com",
          accessKeySecret: { name: "s3-creds", key: "accessKey" },
          secretKeySecret: { name: "s3-creds", key: "secretKey" },
        },
      }),
    },
  },
  { image: "alpine:3.20", command: ["sh", "-c", "test -s /data/in.csv"] },
);

/** Downloads the source file: an HTTP artifact needs no code of ours, only a container to land in. */
export const fetchSource = container(
  {
    name: "fetch-source",
    inputs: {
      url: z.string().url(),
      data: artifact({ path: "/data/in.csv", http: { url: "{{inputs.parameters.url}}" } }),
    },
    outputs: { data: artifact({ path: "/data/in.csv" }) },
  },
  { image: "alpine:3.20", command: ["wc", "-l", "/data/in.csv"] },
);

export default workflowTemplate(
  {
    name: "ingest-csv",
    parameters: {
      url: z.string().url().default("https://example.com/data.csv"),
      key: z.string().default("raw/data.csv"),
    },
    volumeClaimTemplates: [
      {
        metadata: { name: "scratch" },
        spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
      },
    ],
  },
  ({ url, key }) => {
    const src = fetchSource({ url });
    const checked = validate({ source: src.outputs.data, header: "id,name,amount" });
    upload({ source: src.outputs.data, key }, { after: checked });
  },
);
