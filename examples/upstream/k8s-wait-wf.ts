import { param, resource, steps, workflow, z } from "@wfc/sdk";

const createWf = resource(
  { name: "create-wf", outputs: { "wf-name": param(z.string(), { valueFrom: { jsonPath: "{.metadata.name}" } }) } },
  {
    action: "create",
    manifest: `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: sleep-
spec:
  entrypoint: sleep
  templates:
  - name: sleep
    container:
      image: alpine:3.23
      command: [sleep, "20"]
`,
  },
);

// Waits for the created workflow to finish.
const waitWf = resource({ name: "wait-wf", inputs: { "wf-name": z.string() } }, ({ "wf-name": wfName }) => ({
  action: "get",
  successCondition: "status.phase == Succeeded",
  failureCondition: "status.phase in (Failed, Error)",
  manifest: `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: ${wfName}
`,
}));

const main = steps({ name: "k8s-wait-wf" }, () => {
  const created = createWf();
  waitWf({ "wf-name": created.outputs["wf-name"] });
});

export default workflow({
  generateName: "k8s-wait-wf-",
  labels: { "workflows.argoproj.io/no-test": "flaky" },
  entrypoint: main,
});
