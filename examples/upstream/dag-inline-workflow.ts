import { container, dag, inline, workflow } from "@wfc/sdk";

// The task's template is written inline, inside the task.
const a = inline(container({ name: "a" }, { image: "argoproj/argosay:v2" }));

const main = dag({ name: "main" }, () => {
  a();
});

export default workflow({
  generateName: "dag-inline-",
  annotations: {
    "workflows.argoproj.io/description": "This example demonstrates running a DAG with inline templates.\n",
    "workflows.argoproj.io/version": ">= 3.2.0",
  },
  entrypoint: main,
});
