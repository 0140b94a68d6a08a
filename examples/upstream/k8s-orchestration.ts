import { container, param, resource, steps, workflow, z } from "@wfc/sdk";

// Creates a Job and waits until 10 completions succeeded; its name and uid are outputs.
const randomNumberJob = resource(
  {
    name: "random-number-job",
    outputs: {
      "job-name": param(z.string(), { valueFrom: { jsonPath: "{.metadata.name}" } }),
      "job-uid": param(z.string(), { valueFrom: { jsonPath: "{.metadata.uid}" } }),
    },
  },
  {
    action: "create",
    successCondition: "status.succeeded > 9",
    failureCondition: "status.failed > 0",
    manifest: `apiVersion: batch/v1
kind: Job
metadata:
  generateName: rand-num-
spec:
  completions: 10
  parallelism: 10
  template:
    metadata:
      name: rand
    spec:
      containers:
      - name: rand
        image: python:alpine3.23
        command: ["python", "-c", "import random; import time; print(random.randint(1, 1000)); time.sleep(10)"]
      restartPolicy: Never
`,
  },
);

const printGeneratedNumbers = container(
  { name: "print-generated-numbers", inputs: { "job-uid": z.string() } },
  ({ "job-uid": jobUid }) => ({
    image: "quay.io/argoproj/argoexec:latest",
    command: ["sh", "-c"],
    args: [` for i in \`kubectl get pods -l controller-uid=${jobUid} -o name\`; do kubectl logs $i; done `],
  }),
);

const deleteJob = resource({ name: "delete-job", inputs: { "job-name": z.string() } }, ({ "job-name": jobName }) => ({
  action: "delete",
  manifest: `apiVersion: batch/v1
kind: Job
metadata:
  name: ${jobName}
`,
}));

const main = steps({ name: "k8s-orchestrate" }, () => {
  const job = randomNumberJob();
  printGeneratedNumbers({ "job-uid": job.outputs["job-uid"] });
  deleteJob({ "job-name": job.outputs["job-name"] });
});

export default workflow({
  generateName: "k8s-orchestrate-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  annotations: {
    "workflows.argoproj.io/no-test-reasons":
      'main: Error (exit code 64): no more retries Error from server (Forbidden):\nerror when creating "/tmp/manifest.yaml": jobs.batch is forbidden: U ser\n"system:serviceaccount:argo:default" cannot create resource "jobs" in API\ngroup "batch" in the namespace "argo"\n',
  },
  entrypoint: main,
});
