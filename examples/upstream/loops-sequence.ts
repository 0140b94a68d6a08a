import { container, forSequence, parallel, workflow, z } from "@wfc/sdk";

const echo = container({ name: "echo", inputs: { msg: z.string() } }, ({ msg }) => ({
  image: "alpine:3.23",
  command: ["echo", msg],
}));

export default workflow(
  {
    generateName: "loops-sequence-",
    labels: { "workflows.argoproj.io/no-test": "environment" },
    parameters: { count: z.string().default("3") },
    entrypointName: "loops-sequence",
    bodyKind: "steps",
  },
  ({ count }) => {
    parallel(() => {
      forSequence({ count: "5" }, (i) => echo({ msg: i }, { name: "sequence-count" }));
      forSequence({ start: "100", end: "105" }, (i) => echo({ msg: i }, { name: "sequence-start-end" }));
      forSequence({ start: "200", count }, (i) => echo({ msg: i }, { name: "sequence-param" }));
      forSequence({ start: "5", end: "0" }, (i) => echo({ msg: i }, { name: "sequence-negative" }));
      forSequence({ count: "5", format: "testuser%02X" }, (i) => echo({ msg: i }, { name: "sequence-format" }));
    });
  },
);
