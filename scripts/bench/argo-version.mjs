// `wfc build --argo-version` of an N-task DAG (N container templates, each with an input, an output,
// a mutex and a memoize cache, so the lowerings have work to do) through the real CLI, side by side
// with the default build (4.1, no lowering or schema check): the cost of lowering to an older Argo
// and validating against its CRD schema.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { alternate, ratioLine, timeSpawn, wfc } from "./lib.mjs";

export const name = "argo-version";

export async function run({ dir, sizes }) {
  for (const n of sizes.length ? sizes : [1000, 5000]) {
    const file = join(dir, `argo-version-${n}.ts`);
    writeFileSync(file, pipeline(n));
    const build =
      (...extra) =>
      () =>
        timeSpawn(process.execPath, [wfc, "build", file, ...extra]).ms;
    const r = alternate({ 4.1: build(), 3.6: build("--argo-version", "3.6"), 3.5: build("--argo-version", "3.5") });
    for (const v of ["3.6", "3.5"])
      console.log(ratioLine(`N=${n} --argo-version ${v}`, r[v], r["4.1"], "default (4.1)"));
  }
}

function pipeline(n) {
  return `import { container, param, workflow, z } from "@wfc/sdk";

const Text = z.string();
const TextOut = param(Text, { valueFrom: { path: "/tmp/y" } });

export default workflow({ name: "bench-argo-version-${n}" }, () => {
  let prev: any;
  for (let i = 0; i < ${n}; i++) {
    const step = container(
      {
        name: \`step-\${i}\`,
        inputs: { x: Text },
        outputs: { y: TextOut },
        synchronization: { mutexes: [{ name: \`lock-\${i % 10}\` }] },
        memoize: { key: "{{inputs.parameters.x}}", maxAge: "1h", cache: { configMap: { name: "cache" } } },
      },
      ({ x }) => ({ image: "alpine:3.20", command: ["sh", "-c"], args: [\`echo \${x} > /tmp/y\`] }),
    );
    prev = step({ x: prev ? prev.outputs.y : "start" });
  }
});
`;
}
