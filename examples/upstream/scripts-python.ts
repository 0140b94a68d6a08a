import { container, script, steps, workflow, z } from "@wfc/sdk";

const genRandomInt = script(
  { name: "gen-random-int", result: z.number() },
  {
    image: "python:alpine3.23",
    command: ["python"],
    source: "import random\ni = random.randint(1, 100)\nprint(i)\n",
  },
);

const printMessage = container({ name: "print-message", inputs: { message: z.number() } }, ({ message }) => ({
  image: "alpine:3.23",
  command: ["sh", "-c"],
  args: [`echo result was: ${message}`],
}));

const main = steps({ name: "python-script-example" }, () => {
  const generate = genRandomInt({}, { name: "generate" });
  printMessage({ message: generate.result }, { name: "print" });
});

export default workflow({ generateName: "scripts-python-", entrypoint: main });
