import { container, eq, outputFromPath, steps, vars, workflow, z } from "@wfc/sdk";

const durationGauge = (name: string, value: unknown) => ({
  name: "duration_gauge",
  labels: [{ key: "name", value: name }],
  help: "Duration gauge by name",
  gauge: { realtime: true, value: `${value}` },
});

const randomInt = container(
  {
    name: "random-int",
    metrics: {
      prometheus: [
        {
          name: "random_int_step_histogram",
          help: "Value of the int emitted by random-int at step level",
          when: `${eq(vars.status, "Succeeded").text}`, // only when the step succeeds
          histogram: { buckets: [2.01, 4.01, 6.01, 8.01, 10.01], value: `${vars.outputs.parameter("rand-int-value")}` },
        },
        durationGauge("random-int", vars.duration),
      ],
    },
    outputs: { "rand-int-value": outputFromPath(z.string(), "/tmp/rand_int.txt", { globalName: "rand-int-value" }) },
  },
  {
    image: "busybox",
    command: ["sh", "-c"],
    args: ["RAND_INT=$((1 + RANDOM % 10)); echo $RAND_INT; echo $RAND_INT > /tmp/rand_int.txt"],
  },
);

const flakey = container(
  {
    name: "flakey",
    metrics: {
      prometheus: [
        {
          name: "result_counter",
          help: "Count of step execution by result status",
          labels: [
            { key: "name", value: "flakey" },
            { key: "status", value: `${vars.status}` },
          ],
          counter: { value: "1" },
        },
      ],
    },
  },
  {
    image: "python:alpine3.23",
    command: ["python", "-c"],
    args: ["import random; import sys; exit_code = random.choice([0, 1, 1]); sys.exit(exit_code)"],
  },
);

// {{duration}} at template level, {{workflow.duration}} at workflow level
const main = steps({ name: "steps", metrics: { prometheus: [durationGauge("steps", vars.duration)] } }, () => {
  randomInt();
  flakey();
});

export default workflow({
  generateName: "hello-world-",
  labels: { "workflows.argoproj.io/no-test": "flaky" },
  metrics: { prometheus: [durationGauge("workflow", vars.workflow.duration)] },
  entrypoint: main,
});
