import { container, parallel, steps, workflow, z } from "@wfc/sdk";

const sleep = container(
  { name: "sleep", inputs: { timeout: z.string() }, timeout: ({ timeout }) => timeout },
  { image: "alpine:3.23", command: ["sh", "-c"], args: ["sleep 30s"] },
);

const sleepSleep = steps({ name: "sleep-sleep" }, () => {
  parallel(() => {
    sleep({ timeout: "10s" }, { name: "sleep1", extra: { continueOn: { error: true } } });
    sleep({ timeout: "10s" }, { name: "sleep2", extra: { continueOn: { failed: true } } });
  });
});

export default workflow({
  generateName: "steps-tmpl-timeout-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  entrypoint: sleepSleep,
});
