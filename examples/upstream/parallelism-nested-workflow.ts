import { container, forEachParam, steps, workflow, z } from "@wfc/sdk";

const oneJob = container({ name: "one-job", inputs: { "seq-id": z.string() } }, ({ "seq-id": id }) => ({
  image: "alpine:3.23",
  command: ["/bin/sh", "-c"],
  args: [`echo ${id}; sleep 30`],
}));

const B = steps({ name: "B", inputs: { "seq-id": z.string() } }, ({ "seq-id": id }) => {
  forEachParam("[1, 2]", () => oneJob({ "seq-id": id }, { name: "jobs" }));
});

// One B at a time; the jobs inside each B run in parallel.
const A = steps({ name: "A", parallelism: 1, inputs: { "seq-list": z.string() } }, ({ "seq-list": list }) => {
  forEachParam<string, unknown>(list, (id) => B({ "seq-id": id }, { name: "seq-step" }));
});

export default workflow({
  generateName: "parallelism-nested-workflow-",
  labels: { "workflows.argoproj.io/no-test": "duration" },
  parameters: { "seq-list": z.string().default('["a","b","c","d"]\n') },
  entrypoint: A,
});
