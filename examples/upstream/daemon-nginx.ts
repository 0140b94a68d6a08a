import { container, steps, workflow, z } from "@wfc/sdk";

const nginxServer = container(
  { name: "nginx-server", daemon: true },
  {
    image: "nginx:1.13",
    readinessProbe: { httpGet: { path: "/", port: 80 }, initialDelaySeconds: 2, timeoutSeconds: 1 },
  },
);

const nginxClient = container({ name: "nginx-client", inputs: { "server-ip": z.string() } }, ({ "server-ip": ip }) => ({
  image: "curlimages/curl:latest",
  command: ["/bin/sh", "-c"],
  args: [`echo curl --silent -G http://${ip}:80/ && curl --silent -G http://${ip}:80/`],
}));

const main = steps({ name: "daemon-nginx-example" }, () => {
  const server = nginxServer();
  nginxClient({ "server-ip": server.attr("ip") });
});

export default workflow({ generateName: "daemon-nginx-", entrypoint: main });
