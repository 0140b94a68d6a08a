import { container, parallel, steps, workflow, z } from "@wfc/sdk";

const exit = container({ name: "exit" }, { image: "busybox", command: ["echo"], args: ["step cleanup"] });
const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

// Every step runs `exit` when it ends.
const onExit = { hooks: { exit: { template: exit } } };

const main = steps({ name: "main" }, () => {
  printMessage({ message: "hello1" }, { name: "hello1", extra: onExit });
  parallel(() => {
    printMessage({ message: "hello2a" }, { name: "hello2a", extra: onExit });
    printMessage({ message: "hello2b" }, { name: "hello2b", extra: onExit });
  });
});

export default workflow({ generateName: "exit-handler-step-level-", entrypoint: main });
