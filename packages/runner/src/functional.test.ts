import { describe, expect, it } from "vitest";
import { run } from "./run-helpers.test-util.js";

// Workflows and expectations of Argo's test/e2e/functional_test.go (workflows inlined from test/e2e/functional).
describe("functional_test.go", () => {
  it("TestDAGDepends", async () => {
    const r = await run(
      `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: dag-depends-
spec:
  entrypoint: main
  templates:
    - name: main
      dag:
        tasks:
          - name: P
            template: pass
          - name: F
            template: fail
          - name: should-execute-1
            depends: "P && (F.Succeeded || F.Failed)"
            template: pass
          - name: should-execute-2
            depends: "P || F"
            template: pass
          - name: should-not-execute
            depends: "P && F"
            template: pass
          - name: should-execute-3
            depends: "should-execute-2.Succeeded || should-not-execute"
            template: pass

    - name: pass
      container:
        image: argoproj/argosay:v2

    - name: fail
      container:
        image: argoproj/argosay:v2
        args: ["exit 1"]
`,
      { pods: { fail: { exitCode: 1 } } },
    );
    const d = (n: string) => r.nodes.find((x) => x.displayName === n);
    expect(d("should-execute-1")?.phase).toBe("Succeeded");
    expect(d("should-execute-2")?.phase).toBe("Succeeded");
    expect(d("should-not-execute")?.phase).toBe("Omitted");
    expect(d("should-execute-3")?.phase).toBe("Succeeded");
  });

  it("TestDAGOmittedOutputRef: an omitted producer's output with no default errors the consumer (absent optional)", async () => {
    const r = await run(
      `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: dag-omitted-output-ref-
spec:
  entrypoint: main
  templates:
    - name: main
      dag:
        tasks:
          - name: stage-a
            template: stage-a
          - name: stage-b
            template: stage-b
            depends: "stage-a.Failed"
          - name: stage-c
            template: stage-c
            depends: "stage-a && (stage-b || stage-b.Omitted)"
            arguments:
              parameters:
                - name: message-from-a
                  value: "{{tasks.stage-a.outputs.parameters.output-message}}"
                - name: message-from-b
                  value: "{{tasks.stage-b.outputs.parameters.output-message}}"
    - name: stage-a
      outputs:
        parameters:
          - name: output-message
            valueFrom:
              path: /tmp/output.txt
      container:
        image: argoproj/argosay:v2
        args: ["echo", "hello from stage A", "/tmp/output.txt"]
    - name: stage-b
      outputs:
        parameters:
          - name: output-message
            valueFrom:
              path: /tmp/output.txt
      container:
        image: argoproj/argosay:v2
        args: ["echo", "hello from stage B", "/tmp/output.txt"]
    - name: stage-c
      inputs:
        parameters:
          - name: message-from-a
          - name: message-from-b
      container:
        image: argoproj/argosay:v2
        args: ["echo", "stage-c received: [{{inputs.parameters.message-from-a}}] and [{{inputs.parameters.message-from-b}}]"]
`,
      { pods: { "stage-a": { files: { "/tmp/output.txt": "hello from stage A" } } } },
    );
    const d = (n: string) => r.nodes.find((x) => x.displayName === n);
    expect(r.phase).toBe("Error");
    expect(d("stage-a")?.phase).toBe("Succeeded");
    expect(d("stage-b")?.phase).toBe("Omitted");
    expect(d("stage-c")?.phase).toBe("Error");
    expect(d("stage-c")?.message).toContain("absent optional");
  });

  it("TestContinueOnFail: 7 nodes, B Failed with one child and one outbound node", async () => {
    const r = await run(
      `
metadata:
  generateName: continue-on-fail-
spec:
  entrypoint: main
  parallelism: 2
  templates:
  - name: main
    steps:
    - - name: A
        template: whalesay
      - name: B
        template: boom
        continueOn:
          failed: true
    - - name: C
        template: whalesay
  - name: boom
    dag:
      tasks:
      - name: B-1
        template: whalesplosion
  - name: whalesay
    container:
      image: argoproj/argosay:v2
  - name: whalesplosion
    container:
      image: argoproj/argosay:v2
      args: [ exit, "1" ]
`.replace("metadata:", "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:"),
      { pods: { whalesplosion: { exitCode: 1 } } },
    );
    expect(r.phase).toBe("Succeeded");
    expect(r.nodes).toHaveLength(7);
    const b = r.nodes.find((x) => x.displayName === "B")!;
    expect(b.phase).toBe("Failed");
    expect(b.children).toHaveLength(1);
    expect(b.outboundNodes).toHaveLength(1);
  });

  it("TestLoopEmptyParam: an empty withParam makes a Skipped node 'Skipped, empty params'", async () => {
    const r = await run(
      `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: loops-param-result-
spec:
  entrypoint: loop-param-result-example
  templates:
  - name: loop-param-result-example
    steps:
    - - name: generate
        template: gen-number-list
    - - name: sleep
        template: sleep-n-sec
        arguments:
          parameters:
          - name: seconds
            value: "{{item}}"
        withParam: "{{steps.generate.outputs.result}}"

  - name: gen-number-list
    script:
      image: argoproj/argosay:v2
      args: ["echo", "[]"]

  - name: sleep-n-sec
    inputs:
      parameters:
      - name: seconds
    container:
      image: argoproj/argosay:v1
      command: [sh, -c]
      args: ["echo sleeping for {{inputs.parameters.seconds}} seconds; sleep {{inputs.parameters.seconds}}; echo done"]
`,
      { pods: { "gen-number-list": { stdout: "[]\n" } } },
    );
    expect(r.phase).toBe("Succeeded");
    expect(r.nodes).toHaveLength(5);
    expect(r.nodes.find((n) => n.displayName === "sleep")).toMatchObject({
      phase: "Skipped",
      message: "Skipped, empty params",
    });
  });

  it("TestDAGEmptyParam", async () => {
    const r = await run(
      `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: dag-param-result-
spec:
  entrypoint: dag-param-result-example
  templates:
  - name: dag-param-result-example
    dag:
      tasks:
      - name: generate
        template: gen-number-list
      - name: sleep
        template: sleep-n-sec
        arguments:
          parameters:
          - name: seconds
            value: "{{item}}"
        withParam: "{{tasks.generate.outputs.result}}"
        dependencies:
        - generate

  - name: gen-number-list
    script:
      image: argoproj/argosay:v2
      args: ["echo", "[]"]

  - name: sleep-n-sec
    inputs:
      parameters:
      - name: seconds
    container:
      image: argoproj/argosay:v1
      command: [sh, -c]
      args: ["echo sleeping for {{inputs.parameters.seconds}} seconds; sleep {{inputs.parameters.seconds}}; echo done"]
`,
      { pods: { "gen-number-list": { stdout: "[]\n" } } },
    );
    expect(r.phase).toBe("Succeeded");
    expect(r.nodes).toHaveLength(3);
    expect(r.nodes.find((n) => n.displayName === "sleep")).toMatchObject({
      phase: "Skipped",
      message: "Skipped, empty params",
    });
  });

  it("TestStepsWhenExprFilter: expressions with item in when, per item", async () => {
    const r = await run(`apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: steps-when-expr-filter-
spec:
  entrypoint: main
  templates:
    - name: main
      inputs:
        parameters:
          - name: test
            value: 'true'
          - name: list
            value: "{{= concat(['always'], inputs.parameters.test == 'true' ? ['test'] : []) | toJSON() }}"
      steps:
        - - name: fst
            template: run
            when: |
              "{{= get(item, 'type') ?? 'always' }}"
              in
              ("{{= inputs.parameters.list | fromJSON() | join('","') }}","")
            withParam: |
              [
                { "name": "first", "type": "" },
                { "name": "second", "type": "always" },
                { "name": "third", "type": "test" },
                { "name": "fourth" }
              ]
            arguments:
              parameters:
                - name: name
                  value: "{{ item.name }}{{ inputs.parameters.list }}"
    - name: run
      inputs:
        parameters:
          - name: name
      container:
        image: argoproj/argosay:v2
        args: ["echo", "{{inputs.parameters.name}}"]
`);
    expect(r.phase).toBe("Succeeded");
    for (const n of [
      "fst(0:name:first,type:)",
      "fst(1:name:second,type:always)",
      "fst(2:name:third,type:test)",
      "fst(3:name:fourth)",
    ]) {
      expect(r.nodes.find((x) => x.displayName === n)?.phase).toBe("Succeeded");
    }
  });

  it("TestDAGWhenExprSkip: a false expression when skips before its other fields resolve", async () => {
    const r = await run(`apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: dag-when-expr-skip-
spec:
  entrypoint: main
  arguments:
    parameters:
      - name: data
        value: ''
  templates:
    - name: main
      dag:
        tasks:
          - name: A
            template: echo
            arguments:
              parameters:
                - name: message
                  value: A
          - name: B
            dependencies: [A]
            when: "{{= workflow.parameters.data != '' }}"
            template: echo
            arguments:
              parameters:
                - name: message
                  value: "{{= jsonpath(workflow.parameters.data, '$.id') }}"
    - name: echo
      inputs:
        parameters:
          - name: message
      container:
        image: argoproj/argosay:v2
        args: ["echo", "{{inputs.parameters.message}}"]
`);
    expect(r.phase).toBe("Succeeded");
    expect(r.nodes.find((n) => n.displayName === "B")?.phase).toBe("Skipped");
  });
});
