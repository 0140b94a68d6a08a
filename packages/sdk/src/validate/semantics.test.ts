import { describe, expect, test } from "vitest";
import { semanticIssues } from "./semantics.js";

/** A Workflow whose `main` DAG has the given tasks, each calling template `t` (no inputs). */
function dag(tasks: Record<string, unknown>[]) {
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Workflow",
    metadata: { name: "w" },
    spec: {
      entrypoint: "main",
      templates: [
        { name: "main", dag: { tasks: tasks.map((t) => ({ template: "t", ...t })) } },
        { name: "t", container: { image: "alpine" } },
      ],
    },
  };
}

describe("semanticIssues: depends", () => {
  test("a plain conjunction, however spaced, names its tasks as the parser does", () => {
    for (const depends of ["a&&b", " a && b ", "a\t&&\nb"])
      expect(semanticIssues(dag([{ name: "a" }, { name: "b" }, { name: "c", depends }]))).toEqual([]);
    expect(semanticIssues(dag([{ name: "a" }, { name: "c", depends: "a && zz-1" }]))).toEqual([
      {
        code: "E_UNKNOWN_TASK",
        path: "spec.templates[0].dag.tasks[1]",
        message: 'depends on "zz-1", which is not a task of this DAG',
      },
    ]);
  });

  test("statuses, negation, || and parentheses go through the parser, syntax errors included", () => {
    expect(
      semanticIssues(dag([{ name: "a" }, { name: "b" }, { name: "c", depends: "(a.Succeeded || !b) && a" }])),
    ).toEqual([]);
    for (const depends of ["a &&", "a & b", "&& a", "a &&& b", ""])
      expect(semanticIssues(dag([{ name: "a" }, { name: "c", depends }])).map((i) => i.code)).toEqual([
        "E_DEPENDS_SYNTAX",
      ]);
  });

  test("a cycle through plain conjunctions is found, also in a long chain", () => {
    expect(
      semanticIssues(
        dag([
          { name: "a", depends: "b" },
          { name: "b", depends: "a && a" },
        ]),
      ),
    ).toEqual([{ code: "E_CYCLE", path: "spec.templates[0].dag", message: "dependency cycle: a -> b -> a" }]);
    const n = 20000;
    const chain = Array.from({ length: n }, (_, i) => ({ name: `t${i}`, depends: `t${(i + 1) % n}` }));
    expect(semanticIssues(dag(chain)).map((i) => i.code)).toEqual(["E_CYCLE"]);
  });
});

describe("semanticIssues: task references", () => {
  test("references deep in a template's values are found, each reported once, in order", () => {
    const manifest = dag([
      { name: "a", arguments: { parameters: [{ name: "x", value: "{{tasks.nope.outputs.result}}" }] } },
      { name: "b", when: "{{tasks.a.status}} == Succeeded && {{tasks.nope.outputs.result}} && {{steps.a.id}}" },
    ]);
    expect(semanticIssues(manifest).map((i) => i.message)).toEqual([
      '"{{tasks.nope.outputs.result}}" refers to tasks "nope", which is not in template "main"',
      '"{{steps.a.id}}" refers to steps "a", which is not in template "main"',
    ]);
  });
});
