import { container, inline, steps, workflow } from "@wfc/sdk";

const a = inline(container({ name: "a" }, { image: "argoproj/argosay:v2" }));

const main = steps({ name: "main" }, () => {
  a();
});

export default workflow({
  generateName: "steps-inline-",
  annotations: {
    "workflows.argoproj.io/description": "This workflow demonstrates running a steps with inline templates.\n",
    "workflows.argoproj.io/version": ">= 3.2.0",
  },
  entrypoint: main,
});
