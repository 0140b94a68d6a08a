import { container, steps, workflow, z } from "@wfc/sdk";

const failingContainer = container(
  { name: "failing-container" },
  { image: "alpine:3.23", command: ["sh", "-c"], args: ["exit 123"] },
);
const echoContainer = container({ name: "echo-container", inputs: { exitCode: z.string() } }, ({ exitCode }) => ({
  image: "alpine:3.23",
  command: ["sh", "-c"],
  args: [`echo "Exit code was: ${exitCode}"`],
}));

const main = steps({ name: "exit-code-output-variable" }, () => {
  const failing = failingContainer({}, { extra: { continueOn: { failed: true } } });
  echoContainer({ exitCode: failing.attr("exitCode") });
});

export default workflow({ generateName: "exit-code-output-variable-", entrypoint: main });
