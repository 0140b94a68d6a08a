import { resource, vars, workflow } from "@wfc/sdk";

const main = resource(
  { name: "main" },
  {
    action: "patch",
    mergeStrategy: "merge",
    flags: ["pod", `${vars.pod.name}`],
    manifest: "metadata:\n  annotations:\n    foo: bar\n",
  },
);

export default workflow({
  generateName: "k8s-patch-merge-pod-",
  annotations: { "workflows.argoproj.io/description": "This example shows a more advanced JSON merge patch\n" },
  entrypoint: main,
});
