import { containerSet, workflow } from "@wfc/sdk";

// Several containers in one pod, ordered by their dependencies.
const main = containerSet(
  { name: "main" },
  {
    containers: [
      { name: "a", image: "argoproj/argosay:v2" },
      { name: "b", image: "argoproj/argosay:v2" },
    ],
  },
);

export default workflow({
  generateName: "parallel-",
  annotations: {
    "workflows.argoproj.io/description":
      "This workflow demonstrates running parallel containers within a single pod.\n",
    "workflows.argoproj.io/version": ">= 3.1.0",
  },
  entrypoint: main,
});
