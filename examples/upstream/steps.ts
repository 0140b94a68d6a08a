import { container, parallel, steps, workflow, z } from "@wfc/sdk";

const printMessage = container({ name: "print-message", inputs: { message: z.string() } }, ({ message }) => ({
  image: "busybox",
  command: ["echo"],
  args: [message],
}));

const helloHelloHello = steps({ name: "hello-hello-hello" }, () => {
  printMessage({ message: "hello1" }, { name: "hello1" });
  parallel(() => {
    printMessage({ message: "hello2a" }, { name: "hello2a" });
    printMessage({ message: "hello2b" }, { name: "hello2b" });
  });
});

export default workflow({ generateName: "steps-", entrypoint: helloHelloHello });
