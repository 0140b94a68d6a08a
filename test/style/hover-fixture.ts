// What test/style/hover.test.ts hovers over (with the TypeScript language service): a few
// factories, a task, its outputs. Each hovered name is marked by a comment `// hover: <name>`.
import { artifact, container, dag, nodeScript, param, script, workflow, z } from "@wfc/sdk";

export const hello = container(
  {
    name: "hello",
    inputs: { msg: z.string(), times: param(z.number(), { value: "1" }) },
    outputs: { count: param(z.number(), { valueFrom: { path: "/tmp/n" } }), data: artifact({ path: "/tmp/d" }) },
  },
  ({ msg }) => ({ image: "alpine", args: [msg] }),
); // hover: hello

export const rnd = script(
  { name: "rnd", result: z.number() },
  { image: "python", command: ["python"], source: "print(1)" },
); // hover: rnd

export const add = nodeScript({
  inputs: { a: z.number(), b: z.number().default(1) },
  result: z.number(),
  run: function sum({ a, b }) {
    return a + b; // hover: sum
  },
}); // hover: add

export const inner = dag({ name: "inner", inputs: { label: z.string() }, outputs: { n: z.number() } }, ({ label }) => {
  const h = hello({ msg: label });
  return { n: h.outputs.count };
}); // hover: inner

export default workflow({ name: "hover" }, () => {
  const task = hello({ msg: "hi" }); // hover: task
  add({ a: task.outputs.count }); // hover: outputs
});
