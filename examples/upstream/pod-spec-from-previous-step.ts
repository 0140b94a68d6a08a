import { dag, outputFromPath, script, vars, workflow, z } from "@wfc/sdk";

const parseResources = script(
  { name: "parse-resources-tmpl", outputs: { resources: outputFromPath(z.string(), "/tmp/resources.json") } },
  {
    image: "alpine:3.23",
    command: ["sh"],
    source: `echo '{"memory": "10Gi", "cpu": "2000m"}' > /tmp/resources.json && cat /tmp/resources.json\n`,
  },
);

const resources = vars.inputs.parameter("resources");

// The pod's resources come from the previous task's output.
const setupResources = script(
  {
    name: "setup-resources-tmpl",
    inputs: { resources: z.string() },
    podSpecPatch: `{"containers":[{"name":"main", "resources":{"limits": ${resources}, "requests": ${resources} }}]}`,
  },
  ({ resources }) => ({ image: "alpine:3.23", command: ["sh"], source: `echo ${resources}\n` }),
);

const main = dag({ name: "workflow" }, () => {
  const parsed = parseResources({}, { name: "parse-resources" });
  setupResources({ resources: parsed.outputs.resources }, { name: "setup-resources" });
});

export default workflow({ generateName: "pod-spec-from-previous-step-", entrypoint: main });
