import { resource, steps, workflow, z } from "@wfc/sdk";

const createConfigmap = resource(
  { name: "create-configmap" },
  {
    action: "create",
    manifest: `apiVersion: v1
kind: ConfigMap
metadata:
  name: resource-delete-with-flags
  labels:
    cleanup: "true"
data:
  key: value
`,
  },
);

// Deletes by label selector: no manifest, only kubectl flags.
const deleteResource = resource({ name: "delete-resource", inputs: { selector: z.string() } }, ({ selector }) => ({
  action: "delete",
  flags: ["configmap", "--selector", selector],
}));

const main = steps({ name: "main" }, () => {
  createConfigmap({}, { name: "submit-resource" });
  deleteResource({ selector: "cleanup=true" });
});

export default workflow({
  generateName: "resource-delete-with-flags-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: main,
});
