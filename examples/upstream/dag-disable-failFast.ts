import { container, dag, workflow } from "@wfc/sdk";

const a = container({ name: "a" }, { image: "busybox", command: ["echo"], args: ["hello world"] });
const b = container(
  { name: "b", retryStrategy: { limit: "2" } },
  { image: "busybox", command: ["sh", "-c"], args: ["sleep 30; echo haha"] },
);
const c = container(
  { name: "c", retryStrategy: { limit: "3" } },
  { image: "busybox", command: ["sh", "-c"], args: ["echo intentional failure; exit 2"] },
);
const d = container({ name: "d" }, { image: "busybox", command: ["echo"], args: ["hello world"] });

// failFast: false keeps scheduling B, D and E although C fails.
const statis = dag({ name: "statis", failFast: false }, () => {
  const A = a({}, { name: "A" });
  const B = b({}, { name: "B", after: A });
  c({}, { name: "C", after: A });
  const D = d({}, { name: "D", after: B });
  d({}, { name: "E", after: D });
});

export default workflow({
  generateName: "dag-primay-branch-",
  labels: { "workflows.argoproj.io/no-test": "expected-failure" },
  entrypoint: statis,
});
