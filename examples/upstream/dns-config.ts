import { container, workflow } from "@wfc/sdk";

const helloWorld = container(
  { name: "hello-world" },
  {
    image: "busybox",
    command: ["echo"],
    args: ["hello world"],
    resources: { limits: { memory: "32Mi", cpu: "100m" } },
  },
);

export default workflow({
  generateName: "test-dns-config-",
  dnsConfig: { nameservers: ["1.2.3.4"], options: [{ name: "ndots", value: "2" }] },
  entrypoint: helloWorld,
});
