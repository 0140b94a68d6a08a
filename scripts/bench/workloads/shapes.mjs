// Workloads shared by the sdk and hera suites (a module of scripts/bench/, not a suite itself).

/**
 * The DAG of /work/shared/bench's Hera benchmark, in wfc: N container templates `step-<i>` (input
 * `msg`, output `out` from /tmp/out), task `t-<i>` after `t-<i-1>` and `t-<i-2>`, taking `msg` from
 * `t-<i-1>`'s `out`. Compiles to a manifest Kubernetes-equal to Hera's (the suite checks it).
 */
export function heraShape(n) {
  return `import { container, param, workflow, z } from "@wfc/sdk";

const N = ${n};
const Msg = z.string();
const Out = param(z.string(), { valueFrom: { path: "/tmp/out" } });

export default workflow({ generateName: "bench-dag-" }, () => {
  const tasks: any[] = [];
  for (let i = 0; i < N; i++) {
    const step = container(
      { name: \`step-\${i}\`, inputs: { msg: Msg }, outputs: { out: Out } },
      ({ msg }) => ({ image: "alpine:3.19", command: ["sh", "-c"], args: [\`echo "\${msg}-\${i}" | tee /tmp/out\`] }),
    );
    const prev = tasks[i - 1];
    tasks.push(step({ msg: prev ? prev.outputs.out : "seed" }, { name: \`t-\${i}\`, after: tasks.slice(Math.max(0, i - 2), i) }));
  }
});
`;
}

/** The same DAG in Hera 7 (Python), printed as YAML: our own script, run against Hera's sources. */
export function heraScript() {
  return `import sys
from hera.workflows import DAG, Container, Parameter, Workflow
from hera.workflows.models import ValueFrom

n = int(sys.argv[1])
with Workflow(generate_name="bench-dag-", entrypoint="main") as w:
    templates = [
        Container(
            name=f"step-{i}",
            image="alpine:3.19",
            command=["sh", "-c"],
            args=[f'echo "{{{{inputs.parameters.msg}}}}-{i}" | tee /tmp/out'],
            inputs=[Parameter(name="msg")],
            outputs=[Parameter(name="out", value_from=ValueFrom(path="/tmp/out"))],
        )
        for i in range(n)
    ]
    with DAG(name="main"):
        tasks = []
        for i in range(n):
            arg = Parameter(name="msg", value="seed") if i == 0 else tasks[i - 1].get_parameter("out").with_name("msg")
            t = templates[i](name=f"t-{i}", arguments=[arg])
            if i >= 2:
                [tasks[i - 2], tasks[i - 1]] >> t
            elif i == 1:
                tasks[0] >> t
            tasks.append(t)
sys.stdout.write(w.to_yaml())
`;
}

/** One container template called `calls` times in one DAG (automatic names step, step-2, ...). */
export function sameTemplate(calls) {
  return `import { container, workflow, z } from "@wfc/sdk";

const step = container({ name: "step", inputs: { x: z.string() } }, ({ x }) => ({ image: "alpine", args: [x] }));
export default workflow({ name: "same-template" }, () => {
  for (let i = 0; i < ${calls}; i++) step({ x: \`v\${i}\` });
});
`;
}

/** `templates` distinct container templates, each called once (the baseline of sameTemplate). */
export function distinctTemplates(templates) {
  return `import { container, workflow, z } from "@wfc/sdk";

const X = z.string();
export default workflow({ name: "distinct-templates" }, () => {
  for (let i = 0; i < ${templates}; i++)
    container({ name: \`step-\${i}\`, inputs: { x: X } }, ({ x }) => ({ image: "alpine", args: [x] }))({ x: \`v\${i}\` });
});
`;
}

/** A Workflow of `templates` templates (a DAG `main` and templates - 1 containers chained by outputs), as YAML. */
export function manyTemplatesYaml(templates) {
  const steps = [];
  const tasks = [];
  for (let i = 0; i < templates - 1; i++) {
    steps.push(
      `  - name: step-${i}\n    inputs:\n      parameters:\n      - name: msg\n    outputs:\n      parameters:\n      - name: out\n        valueFrom:\n          path: /tmp/out\n    container:\n      image: alpine:3.19\n      command: [sh, -c]\n      args: ['echo "{{inputs.parameters.msg}}-${i}" | tee /tmp/out']\n`,
    );
    const arg = i === 0 ? "seed" : `{{tasks.t-${i - 1}.outputs.parameters.out}}`;
    tasks.push(
      `      - name: t-${i}\n        template: step-${i}\n${i ? `        depends: t-${i - 1}\n` : ""}        arguments:\n          parameters:\n          - name: msg\n            value: "${arg}"\n`,
    );
  }
  return `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: many-\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n${tasks.join("")}${steps.join("")}`;
}
