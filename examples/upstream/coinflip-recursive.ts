import { container, eq, parallel, script, steps, workflow } from "@wfc/sdk";

const flipCoin = script(
  { name: "flip-coin" },
  {
    image: "python:alpine3.23",
    command: ["python"],
    source: 'import random\nresult = "heads" if random.randint(0,1) == 0 else "tails"\nprint(result)\n',
  },
);

const heads = container({ name: "heads" }, { image: "busybox", command: ["sh", "-c"], args: ['echo "it was heads"'] });

// Flips until heads: the tails step runs this template again.
const coinflip = steps({ name: "coinflip" }, (_, self) => {
  const flip = flipCoin();
  parallel(() => {
    heads({}, { when: eq(flip.result, "heads") });
    self({}, { name: "tails", when: eq(flip.result, "tails") });
  });
});

export default workflow({ generateName: "coinflip-recursive-", entrypoint: coinflip });
