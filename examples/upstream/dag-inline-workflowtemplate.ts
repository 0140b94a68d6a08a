import { container, dag, inline, workflowTemplate } from "@wfc/sdk";

const a = inline(container({ name: "a" }, { image: "argoproj/argosay:v2" }));

const main = dag({ name: "main" }, () => {
  a();
});

export default workflowTemplate({
  name: "dag-inline",
  annotations: {
    "workflows.argoproj.io/description": "This example demonstrates running a DAG with inline templates.\n",
    "workflows.argoproj.io/version": ">= 3.2.0",
  },
  entrypoint: main,
});
