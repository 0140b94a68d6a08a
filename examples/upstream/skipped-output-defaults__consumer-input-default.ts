import { container, dag, or, param, workflow, z } from "@wfc/sdk";

const produce = container(
  { name: "produce", outputs: { msg: param(z.string(), { valueFrom: { path: "/tmp/out.txt" } }) } },
  {
    image: "argoproj/argosay:v2",
    args: ["echo", "real-value", "/tmp/out.txt"],
  },
);

// the input's default applies because the reference was to a skipped output
const consume = container(
  { name: "consume", inputs: { in: z.string().default("fallback-from-input") } },
  ({ in: input }) => ({
    image: "argoproj/argosay:v2",
    args: ["echo", `consumer got: [${input}]`],
  }),
);

const main = dag({ name: "main" }, () => {
  const producer = produce({}, { name: "producer", when: "false" }); // skipped: produces no real output
  consume({ in: producer.outputs.msg }, { name: "consumer", depends: or(producer.succeeded, producer.skipped) });
});

export default workflow({ generateName: "consumer-input-default-", entrypoint: main });
