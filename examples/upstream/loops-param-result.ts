import { container, forEachParam, script, steps, workflow, z } from "@wfc/sdk";

const genNumberList = script(
  { name: "gen-number-list", result: z.array(z.number()) },
  {
    image: "python:alpine3.23",
    command: ["python"],
    source: "import json\nimport sys\njson.dump([i for i in range(20, 31)], sys.stdout)\n",
  },
);

const sleepNSec = container({ name: "sleep-n-sec", inputs: { seconds: z.number() } }, ({ seconds }) => ({
  image: "alpine:3.23",
  command: ["sh", "-c"],
  args: [`echo sleeping for ${seconds} seconds; sleep ${seconds}; echo done`],
}));

const main = steps({ name: "loop-param-result-example" }, () => {
  const list = genNumberList({}, { name: "generate" });
  forEachParam(list.result, (seconds) => sleepNSec({ seconds }, { name: "sleep" }));
});

export default workflow({
  generateName: "loops-param-result-",
  labels: { "workflows.argoproj.io/no-test": "duration" },
  entrypoint: main,
});
