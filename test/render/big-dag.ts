/** A generated DAG manifest of `count` tasks: layers of fan-in/fan-out, `depends` with statuses, `when`, loops, hooks. */
export function bigDag(count: number): Record<string, unknown> {
  const tasks: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const task: Record<string, unknown> = {
      name: `task-${i}-${"x".repeat(i % 7)}`,
      template: i % 5 === 0 ? "inner" : "work",
    };
    const a = i >= 10 ? (tasks[i - 10]?.name as string) : undefined;
    const b = i >= 13 ? (tasks[i - 13]?.name as string) : undefined;
    if (a && b) task.depends = i % 3 === 0 ? `${a} && ${b}.Failed` : i % 3 === 1 ? `${a} || ${b}` : `${a}`;
    else if (a) task.depends = a;
    if (i % 11 === 0) task.when = `{{workflow.parameters.flag-${i}}} == true`;
    if (i % 17 === 0) task.withItems = [1, 2, 3];
    if (i % 29 === 0) task.hooks = { exit: { template: "work" } };
    tasks.push(task);
  }
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Workflow",
    metadata: { name: `big-${count}` },
    spec: {
      entrypoint: "main",
      onExit: "work",
      templates: [
        { name: "main", dag: { tasks } },
        {
          name: "inner",
          steps: [
            [{ name: "a", template: "work" }],
            [
              { name: "b", template: "work" },
              { name: "c", template: "work", when: "{{inputs.parameters.go}} == yes" },
            ],
          ],
        },
        { name: "work", container: { image: "busybox", command: ["true"] } },
      ],
    },
  };
}
