import { container, workflow } from "@wfc/sdk";

const helloWin = container(
  { name: "hello-win", nodeSelector: { "kubernetes.io/os": "windows" } },
  {
    image: "mcr.microsoft.com/windows/nanoserver:1809",
    command: ["cmd", "/c"],
    args: ["echo", "Hello from Windows Container!"],
  },
);

export default workflow({
  generateName: "hello-windows-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: helloWin,
});
