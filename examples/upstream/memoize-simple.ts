import { container, outputFromPath, workflow, z } from "@wfc/sdk";

// Outputs are cached in the ConfigMap cache-config under "cache-key" for 10s.
const worldToFile = container(
  {
    name: "world-to-file",
    memoize: { key: "cache-key", maxAge: "10s", cache: { configMap: { name: "cache-config" } } },
    outputs: { hello: outputFromPath(z.string(), "/tmp/hello_world.txt") },
  },
  { image: "busybox", command: ["sh", "-c"], args: ["echo world > /tmp/hello_world.txt"] },
);

export default workflow({ generateName: "memoized-", entrypoint: worldToFile });
