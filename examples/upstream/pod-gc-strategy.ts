import { container, parallel, steps, workflow } from "@wfc/sdk";

const fail = container({ name: "fail" }, { image: "alpine:3.23", command: ["sh", "-c"], args: ["exit 1"] });
const succeed = container({ name: "succeed" }, { image: "alpine:3.23", command: ["sh", "-c"], args: ["exit 0"] });

const main = steps({ name: "pod-gc-strategy" }, () => {
  parallel(() => {
    fail();
    succeed();
  });
});

export default workflow({
  generateName: "pod-gc-strategy-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  podGC: { strategy: "OnPodSuccess", deleteDelayDuration: "30s" },
  entrypoint: main,
});
