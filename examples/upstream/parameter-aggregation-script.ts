import { eq, forEach, forEachParam, script, steps, workflow, z } from "@wfc/sdk";

type Result = { num: number; evenness: "even" | "odd" };

const oddOrEven = script({ name: "odd-or-even", inputs: { num: z.number() } }, ({ num }) => ({
  image: "python:alpine3.23",
  command: ["python"],
  source: `import json
i = ${num}
res = {
  "num": i,
  "evenness": "even" if i % 2 == 0 else "odd"
}
print(json.dumps(res))
`,
}));

const divideBy2 = script({ name: "divide-by-2", inputs: { num: z.number() } }, ({ num }) => ({
  image: "alpine:3.23",
  command: ["sh", "-x"],
  source: `echo $((${num}/2))\n`,
}));

// The results of the looped step are aggregated into one JSON list.
const main = steps({ name: "parameter-aggregation" }, () => {
  const oe = forEach([1, 2, 3, 4], (num) => oddOrEven({ num }));
  forEachParam<Result, unknown>(oe.result, (item) => divideBy2({ num: item.num }, { when: eq(item.evenness, "even") }));
});

export default workflow({ generateName: "parameter-aggregation-script-", entrypoint: main });
