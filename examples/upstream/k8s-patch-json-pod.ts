import { resource, vars, workflow } from "@wfc/sdk";

// Patches this workflow's own pod with a JSON patch.
const main = resource(
  { name: "main" },
  {
    action: "patch",
    mergeStrategy: "json",
    flags: ["pod", `${vars.pod.name}`],
    manifest: "- op: add\n  path: /metadata/annotations/foo\n  value: bar\n",
  },
);

export default workflow({
  generateName: "k8s-patch-json-pod-",
  annotations: {
    "workflows.argoproj.io/description": "This example shows a more advanced patch with json mergeStrategy\n",
  },
  entrypoint: main,
});
