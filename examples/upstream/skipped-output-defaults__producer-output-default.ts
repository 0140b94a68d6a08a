import { container, dag, or, param, workflow, z } from "@wfc/sdk";

const produce = container(
  {
    name: "produce",
    outputs: { msg: param(z.string(), { valueFrom: { path: "/tmp/out.txt", default: "hello-from-producer" } }) },
  },
  {
    image: "argoproj/argosay:v2",
    args: ["echo", "real-value", "/tmp/out.txt"],
  },
);

// the output's default is used when the producer is skipped or omitted
const consume = container({ name: "consume", inputs: { in: z.string() } }, ({ in: input }) => ({
  image: "argoproj/argosay:v2",
  args: ["echo", `consumer got: [${input}]`],
}));

const main = dag({ name: "main" }, () => {
  const producer = produce({}, { name: "producer", when: "false" }); // skipped: produces no real output
  consume({ in: producer.outputs.msg }, { name: "consumer", depends: or(producer.succeeded, producer.skipped) });
});

export default workflow({ generateName: "producer-output-default-", entrypoint: main });
