import { container, dag, forSequence, vars, workflow, z } from "@wfc/sdk";

// A daemon server, retried if it fails; clients use it through its IP.
const server = container(
  { name: "server", retryStrategy: { limit: "6" }, daemon: true },
  {
    image: "nginx:1.13",
    command: ["nginx"],
    args: ["-g", "daemon off;"],
    readinessProbe: { httpGet: { path: "/", port: 80 }, initialDelaySeconds: 2, timeoutSeconds: 1 },
  },
);

const client = container(
  {
    name: "client",
    inputs: { "server-ip": z.string() },
    synchronization: { mutexes: [{ name: `client-${vars.workflow.uid}` }] },
  },
  ({ "server-ip": ip }) => ({
    image: "curlimages/curl:latest",
    command: ["/bin/sh", "-c"],
    args: [`echo curl --silent -G http://${ip}:80/ && curl --silent -G http://${ip}:80/`],
  }),
);

const main = dag({ name: "main" }, () => {
  const s = server();
  forSequence({ count: "6" }, () => client({ "server-ip": s.attr("ip") }));
});

export default workflow({
  generateName: "dag-daemon-retry-",
  labels: { "workflows.argoproj.io/no-test": "duration" },
  entrypoint: main,
});
