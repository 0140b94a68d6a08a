import { container, param, workflow, z } from "@wfc/sdk";

const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

// The workflow parameter's value comes from a ConfigMap; the entrypoint gets it as its input.
export default workflow({
  generateName: "global-parameter-from-configmap-referenced-as-local-variable-",
  annotations: {
    "workflows.argoproj.io/description":
      'This example demonstrates how a global parameter from a ConfigMap can be referenced as a template local variable.\nNote that the "simple-parameters" ConfigMap (defined in `examples/configmaps/simple-parameters-configmap.yaml`) needs to be created first before submitting this workflow.\n',
  },
  parameters: {
    message: param(z.string(), { valueFrom: { configMapKeyRef: { name: "simple-parameters", key: "msg" } } }),
  },
  entrypoint: printMessage,
});
