import { container, param, workflow, z } from "@wfc/sdk";

// The input's value is read from the ConfigMap "simple-parameters" (key msg).
const printMessageFromConfigmap = container(
  {
    name: "print-message-from-configmap",
    inputs: {
      message: param(z.string(), { valueFrom: { configMapKeyRef: { name: "simple-parameters", key: "msg" } } }),
    },
  },
  ({ message }) => ({ image: "busybox", command: ["echo"], args: [message] }),
);

export default workflow({
  generateName: "arguments-parameters-from-configmap-",
  annotations: {
    "workflows.argoproj.io/description":
      'This example demonstrates loading parameter values from a ConfigMap.\nNote that the "simple-parameters" ConfigMap (defined in `examples/configmaps/simple-parameters-configmap.yaml`) needs to be created first before submitting this workflow.\n',
    "workflows.argoproj.io/verify.py": 'assert status["phase"] == "Succeeded"\n',
  },
  entrypoint: printMessageFromConfigmap,
});
