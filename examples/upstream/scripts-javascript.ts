import { container, script, steps, workflow, z } from "@wfc/sdk";

const genRandomInt = script(
  { name: "gen-random-int", result: z.number() },
  {
    image: "node:9.1-alpine",
    command: ["node"],
    source: "var rand = Math.floor(Math.random() * 100);\nconsole.log(rand);\n",
  },
);

const printMessage = container({ name: "print-message", inputs: { message: z.number() } }, ({ message }) => ({
  image: "alpine:3.23",
  command: ["sh", "-c"],
  args: [`echo result was: ${message}`],
}));

const main = steps({ name: "javascript-script-example" }, () => {
  const generate = genRandomInt({}, { name: "generate" });
  printMessage({ message: generate.result }, { name: "print" });
});

export default workflow({ generateName: "scripts-javascript-", entrypoint: main });
