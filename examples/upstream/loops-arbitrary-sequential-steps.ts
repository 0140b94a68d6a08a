import { container, forEachParam, steps, workflow, z } from "@wfc/sdk";

const unitStepTemplate = container(
  { name: "unit-step-template", inputs: { exit_code: z.string(), message: z.string() } },
  ({ exit_code, message }) => ({
    image: "alpine:3.23",
    command: ["/bin/sh", "-c"],
    args: [`echo ${message}; exit ${exit_code}`],
  }),
);

// One at a time (parallelism 1) and stop at the first failure (failFast).
const main = steps(
  {
    name: "loop-arbitrary-sequential-steps-example",
    inputs: { step_params: z.string() },
    parallelism: 1,
    failFast: true,
  },
  ({ step_params }) => {
    forEachParam<{ exit_code: number; message: string }, unknown>(step_params, (item) =>
      unitStepTemplate({ exit_code: `${item.exit_code}`, message: item.message }, { name: "unit-step" }),
    );
  },
);

export default workflow({
  generateName: "loop-arbitrary-sequential-steps-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  parameters: {
    step_params: z.string().default(`[
  { "exit_code": 0, "message": "succeeds 1" },
  { "exit_code": 0, "message": "succeeds 2" },
  { "exit_code": 0, "message": "succeeds 3" },
  { "exit_code": 1, "message": "will fail and stop here" },
  { "exit_code": 0, "message": "will not run" },
  { "exit_code": 0, "message": "will not run" }
]
`),
  },
  entrypoint: main,
});
