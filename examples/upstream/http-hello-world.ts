import { http, parallel, steps, workflow, z } from "@wfc/sdk";

const get = http({ name: "http", inputs: { url: z.string() } }, ({ url }) => ({ url }));

const main = steps({ name: "main" }, () => {
  parallel(() => {
    get(
      {
        url: "https://raw.githubusercontent.com/argoproj/argo-workflows/4e450e250168e6b4d51a126b784e90b11a0162bc/pkg/apis/workflow/v1alpha1/generated.swagger.json",
      },
      { name: "good" },
    );
    get(
      {
        url: "https://raw.githubusercontent.com/argoproj/argo-workflows/thisisnotahash/pkg/apis/workflow/v1alpha1/generated.swagger.json",
      },
      { name: "bad", extra: { continueOn: { failed: true } } },
    );
  });
});

export default workflow({
  generateName: "http-template-",
  annotations: {
    "workflows.argoproj.io/description": "Http template will demostrate http template functionality\n",
    "workflows.argoproj.io/version": ">= 3.2.0",
  },
  entrypoint: main,
});
