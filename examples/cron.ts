/**
 * A CronWorkflow (Argo v4: `schedules` is a list): a nightly backup with a retry policy, that
 * never runs twice at once and keeps the last three successful runs.
 *
 *   npx wfc build examples/cron.ts
 */
import { container, cronWorkflow, z } from "@wfc/sdk";

export const backup = container(
  {
    name: "backup",
    inputs: { database: z.string() },
    retryStrategy: { limit: 2, backoff: { duration: "30s", factor: 2 } },
  },
  ({ database }) => ({
    image: "postgres:17-alpine",
    command: ["sh", "-c"],
    args: [`pg_dump "$DATABASE_URL/${database}" | gzip > /backup/${database}.sql.gz`],
    env: [{ name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: "db", key: "url" } } }],
  }),
);

export default cronWorkflow(
  {
    name: "nightly-backup",
    schedules: ["0 2 * * *"],
    cron: {
      timezone: "Europe/Berlin",
      concurrencyPolicy: "Forbid",
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
    },
    parameters: { database: z.string().default("orders") },
  },
  ({ database }) => {
    backup({ database });
  },
);
