import { container, workflow } from "@wfc/sdk";

const pdbcreate = container({ name: "pdbcreate" }, { image: "busybox", command: ["sh", "-c"], args: ["sleep 10"] });

export default workflow({
  generateName: "default-pdb-support-",
  serviceAccountName: "default",
  // an arbitrary big number when the number of pods is not known
  podDisruptionBudget: { minAvailable: 9999 },
  entrypoint: pdbcreate,
});
