import { container, workflowTemplate, z } from "@wfc/sdk";

const argosay = container({ name: "argosay", inputs: { files: z.string() } }, ({ files }) => ({
  image: "argoproj/argosay:v2",
  args: ["echo", `Files affected by commit: ${files}`],
}));

export default workflowTemplate(
  { name: "github-path-filter", parameters: { files: z.string().default("[]") }, bodyKind: "steps" },
  ({ files }) => {
    argosay({ files }, { name: "a" });
  },
);
