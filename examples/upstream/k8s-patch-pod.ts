import { resource, vars, workflow } from "@wfc/sdk";

const main = resource(
  { name: "main" },
  {
    action: "patch",
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: ${vars.pod.name}
  annotations:
    foo: bar
`,
  },
);

export default workflow({
  generateName: "k8s-patch-pod-",
  annotations: {
    "workflows.argoproj.io/description":
      "This example shows a standard patch with the default mergeStrategy (strategic)\n",
  },
  entrypoint: main,
});
