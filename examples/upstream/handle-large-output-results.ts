import { artifact, container, forSequence, outputFromPath, steps, workflow, z } from "@wfc/sdk";

// A large list goes through an artifact; only its length is a parameter.
const getItems = container(
  {
    name: "get-items",
    outputs: { items: artifact({ path: "/tmp/items" }), count: outputFromPath(z.string(), "/tmp/count") },
  },
  {
    image: "alpine:3.23",
    command: ["/bin/sh", "-c"],
    args: [`echo '["a", "b", "c"]' > /tmp/items && echo '3' > /tmp/count`],
  },
);

const echo = container(
  { name: "echo", inputs: { index: z.string(), items: artifact({ path: "/tmp/items" }) } },
  ({ index }) => ({
    image: "stedolan/jq:latest",
    command: ["sh", "-c"],
    args: [`cat /tmp/items | jq '.[${index}]'`],
  }),
);

const main = steps({ name: "handle-large-output-results" }, () => {
  const items = getItems();
  forSequence({ count: items.outputs.count }, (index) =>
    echo({ index, items: items.outputs.items }, { name: "sequence-param" }),
  );
});

export default workflow({
  generateName: "handle-large-output-results-",
  labels: { "workflows.argoproj.io/no-test": "flaky" },
  entrypoint: main,
});
