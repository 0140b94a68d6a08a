import { container, steps, workflow } from "@wfc/sdk";

const helloWorld = container({ name: "hello-world" }, { image: "busybox", command: ["echo"], args: ["hello world"] });
const exitContainer = container(
  { name: "exit-container" },
  { image: "busybox", command: ["echo"], args: ["goodbye world"] },
);

const stepTemplate = steps({ name: "step-template" }, () => {
  helloWorld({}, { name: "stepA", extra: { hooks: { exit: { template: exitContainer } } } });
  helloWorld({}, { name: "stepB", extra: { hooks: { exit: { template: exitContainer } } } });
});

export default workflow({
  generateName: "container-on-exit-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: stepTemplate,
});
