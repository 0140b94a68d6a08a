import { container, expr, http, steps, vars, workflow } from "@wfc/sdk";

const heads = container(
  { name: "heads" },
  { image: "alpine:3.23", command: ["sh", "-c"], args: ['echo "it was heads"'] },
);
const get = http(
  { name: "http" },
  {
    url: "https://raw.githubusercontent.com/argoproj/argo-workflows/4e450e250168e6b4d51a126b784e90b11a0162bc/pkg/apis/workflow/v1alpha1/generated.swagger.json",
  },
);

const main = steps({ name: "main" }, () => {
  heads({}, { name: "step1" });
});

export default workflow({
  generateName: "lifecycle-hook-",
  entrypoint: main,
  hooks: {
    exit: { template: get }, // exit handler
    running: { expression: expr`${vars.workflow.status} == "Running"`, template: get },
  },
});
