import { container, forEach, parallel, steps, workflow } from "@wfc/sdk";

const sleep = container({ name: "sleep" }, { image: "busybox", command: ["sleep", "1d"] });
const unschedulable = container(
  { name: "unschedulable", nodeSelector: { "beta.kubernetes.io/arch": "no-such-arch" } },
  { image: "alpine:3.23" },
);

const bunchOfSleeps = steps({ name: "bunch-of-sleeps" }, () => {
  parallel(() => {
    forEach([1, 2, 3], () => sleep({}, { name: "sleep-one-day" }));
    forEach([1, 2, 3], () => unschedulable());
  });
});

// The whole workflow is stopped after 30 seconds.
export default workflow({
  generateName: "timeouts-workflow-",
  labels: { "workflows.argoproj.io/no-test": "environment" },
  activeDeadlineSeconds: 30,
  entrypoint: bunchOfSleeps,
});
