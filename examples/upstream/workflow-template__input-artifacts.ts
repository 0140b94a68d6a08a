import { artifact, container, workflowTemplate } from "@wfc/sdk";

const argosay = container(
  { name: "argosay", inputs: { "input-file": artifact({ path: "/tmp/input-file" }) } },
  {
    image: "alpine:latest",
    command: ["cat"],
    args: ["/tmp/input-file"],
  },
);

export default workflowTemplate({
  name: "workflow-template-input-artifacts",
  parameters: {
    "input-file": artifact({
      s3: {
        endpoint: "s3.amazonaws.com",
        region: "us-east-1",
        bucket: "your-bucket-name",
        key: "input-file/upload.zip",
        accessKeySecret: { name: "s3-creds", key: "accessKey" },
        secretKeySecret: { name: "s3-creds", key: "secretKey" },
      },
    }),
  },
  entrypoint: argosay,
});
