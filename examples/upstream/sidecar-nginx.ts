import { container, workflow } from "@wfc/sdk";

const sidecarNginxExample = container(
  {
    name: "sidecar-nginx-example",
    sidecars: [{ name: "nginx", image: "nginx:1.13", command: ["nginx", "-g", "daemon off;"] }],
  },
  {
    image: "curlimages/curl:latest",
    command: ["sh", "-c"],
    args: ["until `curl -G 'http://127.0.0.1/' >& /tmp/out`; do echo sleep && sleep 1; done && cat /tmp/out"],
  },
);

export default workflow({ generateName: "sidecar-nginx-", entrypoint: sidecarNginxExample });
