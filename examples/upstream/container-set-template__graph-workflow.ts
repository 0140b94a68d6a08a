import { containerSet, workflow } from "@wfc/sdk";

// Several containers in one pod, ordered by their dependencies.
const main = containerSet(
  { name: "main" },
  {
    containers: [
      { name: "a", image: "argoproj/argosay:v2" },
      { name: "b", image: "argoproj/argosay:v2", dependencies: ["a"] },
      { name: "c", image: "argoproj/argosay:v2", dependencies: ["a"] },
      { name: "d", image: "argoproj/argosay:v2", dependencies: ["b", "c"] },
    ],
  },
);

export default workflow({
  generateName: "graph-",
  annotations: {
    "workflows.argoproj.io/description":
      "This workflow demonstrates running a graph of tasks within containers in a single pod.\n",
    "workflows.argoproj.io/version": ">= 3.1.0",
  },
  entrypoint: main,
});
