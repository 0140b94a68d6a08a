import { condition, container, expr, param, script, steps, vars, workflow, z } from "@wfc/sdk";

const doMath = script(
  { name: "do-math", inputs: { a: z.string(), op: z.string(), b: z.string() } },
  ({ a, op, b }) => ({
    image: "python:alpine3.23",
    command: ["python"],
    source: `print(${a} ${op} ${b})\n`,
  }),
);

const return1 = script({ name: "return-1" }, { image: "python:alpine3.23", command: ["python"], source: "print(1)" });

const printresult = container({ name: "printresult", inputs: { result: z.string() } }, ({ result }) => ({
  image: "busybox",
  command: ["sh", "-c"],
  args: [`echo ${result}`],
}));

// fib(n) = n <= 2 ? 1 : fib(n-1) + fib(n-2); memoized per n. fibonacci and its helper call each other.
const fibonacci = steps(
  {
    name: "fibonacci",
    inputs: { num: z.string() },
    outputs: { fib: param(z.string()) },
    memoize: { key: `${vars.inputs.parameter("num")}`, maxAge: "120s", cache: { configMap: { name: "fibonacci-m" } } },
  },
  ({ num }, fib) => {
    const helperTemplate = steps(
      { name: "fibonaccihelper", inputs: { "num-1": z.string() }, outputs: { result: param(z.string()) } },
      ({ "num-1": n }) => {
        const sub1 = doMath({ a: n, op: "-", b: "1" }, { name: "sub-1" });
        const sub2 = doMath({ a: n, op: "-", b: "2" }, { name: "sub-2", when: condition`${n} != 1 && ${n} != 2` });
        const f1 = fib({ num: sub1.result }, { name: "fib-sub-1" });
        const f2 = fib({ num: sub2.result }, { name: "fib-sub-2" });
        const add = doMath({ a: f1.outputs.fib, op: "+", b: f2.outputs.fib }, { name: "add" });
        return { result: add.result };
      },
    );
    const helper = helperTemplate(
      { "num-1": num },
      { name: "fibonacci-helper", when: condition`${num} != 1 && ${num} != 2` },
    );
    return { fib: expr`asInt(${num}) == 1? 1: asInt(${num}) == 2? 1: ${helper.outputs.result}` };
  },
);

export default workflow(
  {
    generateName: "fibonacci-",
    labels: { "workflows.argoproj.io/no-test": "environment" },
    annotations: {
      "workflows.argoproj.io/description":
        "This example demonstrates fibonacci sequence problem using conditional parameter feature.\n",
      "workflows.argoproj.io/veriiony": ">= 3.1.0",
    },
    parameters: { num: z.string().default("5") },
    bodyKind: "steps",
    templates: [return1],
  },
  ({ num }) => {
    const f = fibonacci({ num }, { name: "fibonaccimain" });
    printresult({ result: f.outputs.fib });
  },
);
