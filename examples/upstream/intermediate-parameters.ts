import { container, eq, param, steps, suspend, workflow, z } from "@wfc/sdk";

// Suspends until someone resumes the workflow, supplying "approve" (YES or NO).
const approval = suspend({
  name: "approval",
  inputs: {
    approve: z.enum(["YES", "NO"]).default("NO").describe("Choose YES to continue workflow and deploy to production"),
  },
  outputs: { approve: param(z.enum(["YES", "NO"]), { valueFrom: { supplied: {} } }) },
});

const deploy = container(
  { name: "deploy" },
  { image: "argoproj/argosay:v2", command: ["/argosay"], args: ["echo", "deploying"] },
);

const cicdPipeline = steps({ name: "cicd-pipeline" }, () => {
  deploy({}, { name: "deploy-pre-prod" });
  const ok = approval();
  deploy({}, { name: "deploy-prod", when: eq(ok.outputs.approve, "YES") });
});

export default workflow({
  generateName: "intermediate-parameters-cicd-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: cicdPipeline,
});
