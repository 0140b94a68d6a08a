import { container, dag, eq, parallel, script, steps, workflow } from "@wfc/sdk";

const flipCoin = script(
  { name: "flip-coin" },
  {
    image: "python:alpine3.23",
    command: ["python"],
    source: 'import random\nresult = "heads" if random.randint(0,1) == 0 else "tails"\nprint(result)\n',
  },
);

const heads = container({ name: "heads" }, { image: "busybox", command: ["sh", "-c"], args: ['echo "it was heads"'] });

const coinflip = steps({ name: "coinflip" }, (_, self) => {
  const flip = flipCoin();
  parallel(() => {
    heads({}, { when: eq(flip.result, "heads") });
    self({}, { name: "tails", when: eq(flip.result, "tails") });
  });
});

const diamond = dag({ name: "diamond" }, () => {
  const a = coinflip({}, { name: "A" });
  const b = coinflip({}, { name: "B", after: a });
  const c = coinflip({}, { name: "C", after: a });
  coinflip({}, { name: "D", after: [b, c] });
});

export default workflow({
  generateName: "dag-diamond-coinflip-",
  labels: { "workflows.argoproj.io/no-test": "duration" },
  annotations: { "workflows.argoproj.io/description": "This is an example of coin flip defined as a DAG.\n" },
  entrypoint: diamond,
});
