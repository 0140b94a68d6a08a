import { container, dag, workflow, z } from "@wfc/sdk";

const oneJob = container({ name: "one-job", inputs: { msg: z.string() } }, ({ msg }) => ({
  image: "alpine:3.23",
  command: ["/bin/sh", "-c"],
  args: [`echo ${msg}; sleep 10`],
}));

const B = dag({ name: "B", inputs: { msg: z.string() } }, ({ msg }) => {
  const c1 = oneJob({ msg: `${msg} c1` }, { name: "c1" });
  oneJob({ msg: `${msg} c2` }, { name: "c2", after: c1 });
  oneJob({ msg: `${msg} c3` }, { name: "c3", after: c1 });
});

// At most two B's run at once.
const A = dag({ name: "A", parallelism: 2 }, () => {
  const b1 = B({ msg: "1" }, { name: "b1" });
  const b2 = B({ msg: "2" }, { name: "b2", after: b1 });
  const b3 = B({ msg: "3" }, { name: "b3", after: b1 });
  const b4 = B({ msg: "4" }, { name: "b4", after: b1 });
  B({ msg: "5" }, { name: "b5", after: [b2, b3, b4] });
});

export default workflow({
  generateName: "parallelism-nested-dag-",
  labels: { "workflows.argoproj.io/no-test": "duration" },
  entrypoint: A,
});
