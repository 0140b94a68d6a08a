import { container, dag, eq, forEach, forEachParam, outputFromPath, workflow, z } from "@wfc/sdk";

const oddOrEven = container(
  {
    name: "odd-or-even",
    inputs: { num: z.number() },
    outputs: {
      num: outputFromPath(z.number(), "/tmp/num"),
      evenness: outputFromPath(z.enum(["even", "odd"]), "/tmp/even"),
    },
  },
  ({ num }) => ({
    image: "alpine:3.23",
    command: ["sh", "-c"],
    args: [
      `sleep 1 &&
echo ${num} > /tmp/num &&
if [ $((${num}%2)) -eq 0 ]; then
  echo "even" > /tmp/even;
else
  echo "odd" > /tmp/even;
fi
`,
    ],
  }),
);

const divideBy2 = container({ name: "divide-by-2", inputs: { num: z.number() } }, ({ num }) => ({
  image: "alpine:3.23",
  command: ["sh", "-c"],
  args: [`echo $((${num}/2))`],
}));

const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

const main = dag({ name: "parameter-aggregation" }, () => {
  const oe = forEach([1, 2, 3, 4], (num) => oddOrEven({ num }));
  // Outputs of a looped task are the lists of every iteration's outputs.
  printMessage({ message: `${oe.outputs.num}` }, { name: "print-nums" });
  printMessage({ message: `${oe.outputs.evenness}` }, { name: "print-evenness" });
  const halves = forEachParam<{ num: number; evenness: string }, ReturnType<typeof divideBy2>>(
    oe.attr("outputs.parameters"),
    (item) => divideBy2({ num: item.num }, { when: eq(item.evenness, "even") }),
  );
  forEachParam<string, unknown>(halves.result, (item) => printMessage({ message: item }, { name: "print" }));
});

export default workflow({ generateName: "parameter-aggregation-dag-", entrypoint: main });
