import { resource, workflow } from "@wfc/sdk";

// The created Workflow is owned by this one: Kubernetes GC deletes it with its owner.
const main = resource(
  { name: "main" },
  {
    action: "create",
    setOwnerReference: true,
    manifest: `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: owned-eg-
spec:
  entrypoint: main
  templates:
    - name: main
      container:
        image: argoproj/argosay:v2
`,
  },
);

export default workflow({
  generateName: "k8s-owner-reference-",
  annotations: {
    "workflows.argoproj.io/description":
      "This example creates a Kubernetes resource that will be deleted\nwhen the workflow is deleted via Kubernetes GC.\n\nA workflow is used for this example, but the same approach would apply\nto other resource types.\n\nhttps://kubernetes.io/docs/concepts/workloads/controllers/garbage-collection/\n",
  },
  entrypoint: main,
});
