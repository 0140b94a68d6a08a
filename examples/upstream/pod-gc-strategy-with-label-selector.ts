import { container, parallel, steps, workflow } from "@wfc/sdk";

const exitWith = (name: string, code: number, deleted: boolean) =>
  container(
    { name, metadata: { labels: { "should-be-deleted": String(deleted) } } },
    { image: "alpine:3.23", command: ["sh", "-c"], args: [`exit ${code}`] },
  );
const fail = exitWith("fail", 1, true);
const succeedDeleted = exitWith("succeed-deleted", 0, true);
const succeedNotDeleted = exitWith("succeed-not-deleted", 0, false);

const main = steps({ name: "pod-gc-strategy-with-label-selector" }, () => {
  parallel(() => {
    fail();
    succeedDeleted();
    succeedNotDeleted();
  });
});

// Only pods labelled should-be-deleted=true are deleted when they succeed.
export default workflow({
  generateName: "pod-gc-strategy-with-label-selector-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  podGC: {
    strategy: "OnPodSuccess",
    deleteDelayDuration: "30s",
    labelSelector: { matchLabels: { "should-be-deleted": "true" } },
  },
  entrypoint: main,
});
