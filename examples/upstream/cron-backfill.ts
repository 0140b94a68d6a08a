import {
  cronWorkflow,
  forSequence,
  param,
  resource,
  script,
  steps,
  templateRef,
  workflow,
  workflowTemplate,
  z,
} from "@wfc/sdk";

const main = script({ name: "main", inputs: { date: z.string() } }, ({ date }) => ({
  image: "busybox",
  command: ["sh"],
  source: `date="${date}"
if [ $date = yesterday ]; then
  date=$(date -d yesterday +%Y-%m-%d)
fi
echo "run for $date"
`,
}));

export const job = workflowTemplate({
  name: "job",
  parameters: { date: param(z.string(), { value: "yesterday" }) },
  entrypoint: main,
});

export const dailyJob = cronWorkflow({ name: "daily-job", schedules: ["0 2 * * *"], workflowTemplateRef: job });

// v1: a resource template creates one Workflow per day.
const createJob = resource({ name: "create-job", inputs: { date: z.string() } }, ({ date }) => ({
  action: "apply",
  manifest: `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  # using a name based on the date prevents re-creating resources,
  # making this more robust
  name: job-${date}
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - - name: start-job
            arguments:
              parameters:
                - name: date
                  value: "${date}"
            templateRef:
              name: job
              template: main
`,
}));

const v1 = steps({ name: "main" }, () => {
  forSequence({ start: "19", end: "21", format: "2020-05-%02X" }, (date) => createJob({ date }, { name: "day" }));
});

export const backfillV1 = workflow({
  name: "backfill-v1",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  serviceAccountName: "argo-server",
  entrypoint: v1,
});

// v2: one step per day runs the job's template, one at a time.
const jobMain = templateRef(job, main);

const v2 = steps({ name: "main" }, () => {
  forSequence({ start: "19", end: "21", format: "2020-05-%02d" }, (date) => jobMain({ date }, { name: "create-job" }));
});

export const backfillV2 = workflow({
  name: "backfill-v2",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  annotations: {
    "workflows.argoproj.io/no-test-reasons":
      'This is the error, we should fix the service account\n\nworkflowtaskresults.argoproj.io is forbidden: User\n"system:serviceaccount:argo:argo-server" cannot create resource\n"workflowtaskresults" in API group "argoproj.io" in the namespace "argo"\n',
  },
  parallelism: 1,
  entrypoint: v2,
});
