import { container, dag, or, workflow } from "@wfc/sdk";

const pass = container({ name: "pass" }, { image: "busybox", command: ["sh", "-c", "exit 0"] });
const fail = container({ name: "fail" }, { image: "busybox", command: ["sh", "-c", "exit 1"] });

const diamond = dag({ name: "diamond" }, () => {
  const a = pass({}, { name: "A" });
  const b = pass({}, { name: "B", depends: a });
  const c = fail({}, { name: "C", depends: a });
  pass({}, { name: "should-execute-1", depends: a.and(or(c.succeeded, c.failed)) });
  const e2 = pass({}, { name: "should-execute-2", depends: or(b, c) });
  const no = pass({}, { name: "should-not-execute", depends: b.and(c) });
  pass({}, { name: "should-execute-3", depends: e2.succeeded.or(no) });
});

export default workflow({ generateName: "dag-diamond-", entrypoint: diamond });
