import { container, workflow } from "@wfc/sdk";

const helloWorld = container({ name: "hello-world" }, { image: "busybox", command: ["echo"], args: ["hello world"] });

export default workflow({
  generateName: "title-and-description-with-markdown-",
  labels: { "workflows.argoproj.io/archive-strategy": "false" },
  annotations: {
    "workflows.argoproj.io/title": "**Test Title**", // defaults to metadata.name
    "workflows.argoproj.io/description":
      "`This is a simple hello world example.`\nThis is an embedded link to the docs: https://argo-workflows.readthedocs.io/en/latest/title-and-description/\n",
  },
  entrypoint: helloWorld,
});
