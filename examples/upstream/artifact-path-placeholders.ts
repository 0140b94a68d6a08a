import { artifact, container, outputFromPath, vars, workflow, z } from "@wfc/sdk";

const textOut = vars.outputs.artifactPath("text");
const countOut = vars.outputs.parameterPath("actual-lines-count");
const textIn = vars.inputs.artifactPath("text");

// The command uses the paths Argo places inputs at and collects outputs from.
const headLines = container(
  {
    name: "head-lines",
    inputs: { "lines-count": z.string(), text: artifact({ path: "/inputs/text/data" }) },
    outputs: {
      "actual-lines-count": outputFromPath(z.string(), "/outputs/actual-lines-count/data"),
      text: artifact({ path: "/outputs/text/data" }),
    },
  },
  ({ "lines-count": linesCount }) => ({
    image: "busybox",
    command: [
      "sh",
      "-c",
      `mkdir -p "$(dirname "${textOut}")" "$(dirname "${countOut}")" ; head -n ${linesCount} < "${textIn}" | tee "${textOut}" | wc -l > "${countOut}"`,
    ],
  }),
);

export default workflow({
  generateName: "artifact-path-placeholders-",
  parameters: { "lines-count": z.string().default("3"), text: artifact({ raw: { data: "1\n2\n3\n4\n5\n" } }) },
  entrypoint: headLines,
});
