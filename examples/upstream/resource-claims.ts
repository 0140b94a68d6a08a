import { container, workflow } from "@wfc/sdk";

// The pod claims a device through a DRA resource claim.
const showDevices = container(
  { name: "show-devices" },
  {
    image: "busybox",
    command: ["sh", "-c"],
    args: ["echo using the allocated device"],
    resources: { claims: [{ name: "accelerator" }] },
  },
);

export default workflow({
  generateName: "resource-claims-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  resourceClaims: [{ name: "accelerator", resourceClaimTemplateName: "example-device-claim-template" }],
  entrypoint: showDevices,
});
