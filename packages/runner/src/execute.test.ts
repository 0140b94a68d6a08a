import { describe, expect, it } from "vitest";
import { RunnerCodes, RunnerError } from "./errors.js";
import { fnv32a, nodeIdFor, podNameFor } from "./node-id.js";
import { run, wf } from "./run-helpers.test-util.js";

describe("node ids and pod names", () => {
  it("hash node names with FNV-1a as wf.NodeID and GeneratePodName do", () => {
    expect(fnv32a("a")).toBe(0xe40c292c);
    expect(nodeIdFor("wf", "wf")).toBe("wf");
    // TestResolvePodNameInRetries (operator_test.go)
    expect(podNameFor("output-value-placeholders-wf", "output-value-placeholders-wf(0)", "tell-pod-name")).toBe(
      "output-value-placeholders-wf-tell-pod-name-3033990984",
    );
    expect(nodeIdFor("output-value-placeholders-wf", "output-value-placeholders-wf(0)")).toBe(
      "output-value-placeholders-wf-3033990984",
    );
  });

  it("pod.name in a retried template is the attempt's pod (TestResolvePodNameInRetries)", async () => {
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: output-value-placeholders-wf
spec:
  entrypoint: tell-pod-name
  templates:
  - name: tell-pod-name
    retryStrategy:
      limit: 2
    outputs:
      parameters:
      - name: pod-name
        value: "{{pod.name}}"
    container:
      image: argoproj/argosay:v2
`);
    expect(r.phase).toBe("Succeeded");
    const root = r.byName("output-value-placeholders-wf");
    expect(root.type).toBe("Retry");
    expect(root.children).toEqual(["output-value-placeholders-wf-3033990984"]);
    const attempt = r.byName("output-value-placeholders-wf(0)");
    expect(attempt.type).toBe("Pod");
    expect(attempt.outputs?.parameters?.[0]?.value).toBe("output-value-placeholders-wf-tell-pod-name-3033990984");
    expect(r.executor.requests[0]?.podName).toBe("output-value-placeholders-wf-tell-pod-name-3033990984");
  });
});

const diamond = `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: dag-diamond
spec:
  entrypoint: diamond
  templates:
  - name: echo
    inputs:
      parameters:
      - name: message
    container:
      image: alpine:3.7
      command: [echo]
      args: ["{{inputs.parameters.message}}"]
  - name: diamond
    dag:
      tasks:
      - name: A
        template: echo
        arguments:
          parameters: [{name: message, value: A}]
      - name: B
        dependencies: [A]
        template: echo
        arguments:
          parameters: [{name: message, value: B}]
      - name: C
        dependencies: [A]
        template: echo
        arguments:
          parameters: [{name: message, value: C}]
      - name: D
        dependencies: [B, C]
        template: echo
        arguments:
          parameters: [{name: message, value: D}]
`;

describe("DAG", () => {
  it("runs the diamond in dependency order with Argo's node tree", async () => {
    const r = await run(diamond);
    expect(r.phase).toBe("Succeeded");
    expect(r.workflow.status?.phase).toBe("Succeeded");
    const root = r.byName("dag-diamond");
    expect(root.type).toBe("DAG");
    expect(root.id).toBe("dag-diamond");
    const a = r.byName("dag-diamond.A");
    expect(a.displayName).toBe("A");
    expect(a.type).toBe("Pod");
    expect(a.boundaryID).toBe("dag-diamond");
    expect(a.templateName).toBe("echo");
    expect(a.templateScope).toBe("local/dag-diamond");
    expect(a.inputs?.parameters?.[0]).toMatchObject({ name: "message", value: "A" });
    expect(root.children).toEqual([a.id]);
    expect(a.children?.sort()).toEqual([r.byName("dag-diamond.B").id, r.byName("dag-diamond.C").id].sort());
    expect(r.byName("dag-diamond.B").children).toEqual([r.byName("dag-diamond.D").id]);
    expect(root.outboundNodes).toEqual([r.byName("dag-diamond.D").id]);
    const order = r.executor.requests.map((q) => q.taskName);
    expect(order[0]).toBe("A");
    expect(order[3]).toBe("D");
    expect(r.executor.requests.find((q) => q.taskName === "B")?.template.container?.args).toEqual(["B"]);
  });

  it("fails the DAG when a task fails: its dependent is Omitted and the branch phase fails the DAG", async () => {
    const r = await run(diamond, { pods: { B: { exitCode: 1 } } });
    expect(r.phase).toBe("Failed");
    expect(r.byName("dag-diamond.B")).toMatchObject({ phase: "Failed", message: "main: Error (exit code 1)" });
    expect(r.byName("dag-diamond.B").outputs?.exitCode).toBe("1");
    expect(r.byName("dag-diamond.D")).toMatchObject({
      phase: "Omitted",
      type: "Skipped",
      message: "omitted: depends condition not met",
    });
    expect(r.byName("dag-diamond").phase).toBe("Failed");
  });

  it("evaluates enhanced depends: Failed branch runs, Succeeded branch is Omitted", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: d}
spec:
  entrypoint: main
  templates:
  - name: c
    container: {image: alpine}
  - name: main
    dag:
      tasks:
      - {name: A, template: c}
      - {name: on-fail, depends: A.Failed, template: c}
      - {name: on-ok, depends: A.Succeeded, template: c}
      - {name: any, depends: "A.Succeeded || A.Failed", template: c}
      - {name: not-ok, depends: "!A.Succeeded", template: c}
      - {name: after-omitted, depends: on-ok.Omitted, template: c}
`,
      { pods: { A: { exitCode: 2 } } },
    );
    expect(r.byName("d.A").phase).toBe("Failed");
    expect(r.byName("d.on-fail").phase).toBe("Succeeded");
    expect(r.byName("d.on-ok")).toMatchObject({
      phase: "Omitted",
      type: "Skipped",
      message: "omitted: depends condition not met",
    });
    expect(r.byName("d.any").phase).toBe("Succeeded");
    expect(r.byName("d.not-ok").phase).toBe("Succeeded");
    expect(r.byName("d.after-omitted").phase).toBe("Succeeded");
    // The failed branch A has no target task (on-fail etc. succeeded), so the DAG succeeds
    expect(r.phase).toBe("Succeeded");
  });

  it("skips on when false and continues past it (Skipped counts as success for dependencies)", async () => {
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: w}
spec:
  entrypoint: main
  arguments: {parameters: [{name: go, value: "no"}]}
  templates:
  - name: c
    container: {image: alpine}
  - name: main
    dag:
      tasks:
      - {name: A, template: c, when: "{{workflow.parameters.go}} == yes"}
      - {name: B, template: c, dependencies: [A]}
`);
    expect(r.byName("w.A")).toMatchObject({
      phase: "Skipped",
      type: "Skipped",
      message: "when 'no == yes' evaluated false",
    });
    expect(r.byName("w.B").phase).toBe("Succeeded");
    expect(r.phase).toBe("Succeeded");
  });

  it("continueOn failed lets dependents run and the DAG succeed", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: w}
spec:
  entrypoint: main
  templates:
  - name: c
    container: {image: alpine}
  - name: main
    dag:
      tasks:
      - {name: A, template: c, continueOn: {failed: true}}
      - {name: B, template: c, dependencies: [A]}
`,
      { pods: { A: { exitCode: 1 } } },
    );
    expect(r.byName("w.A").phase).toBe("Failed");
    expect(r.byName("w.B").phase).toBe("Succeeded");
    expect(r.phase).toBe("Succeeded");
  });

  it("passes outputs between tasks and aggregates loop outputs as JSON lists", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: w}
spec:
  entrypoint: main
  templates:
  - name: gen
    inputs: {parameters: [{name: num}]}
    outputs:
      parameters:
      - name: sq
        valueFrom: {path: /tmp/sq}
    script: {image: python, command: [python], source: "print({{inputs.parameters.num}})"}
  - name: show
    inputs: {parameters: [{name: v}]}
    container: {image: alpine, args: ["{{inputs.parameters.v}}"]}
  - name: main
    outputs:
      parameters:
      - name: all
        valueFrom: {parameter: "{{tasks.loop.outputs.parameters.sq}}"}
    dag:
      tasks:
      - name: loop
        template: gen
        arguments: {parameters: [{name: num, value: "{{item}}"}]}
        withItems: [1, 2, 3]
      - name: results
        dependencies: [loop]
        template: show
        arguments: {parameters: [{name: v, value: "{{tasks.loop.outputs.result}}"}]}
`,
      {
        pods: {
          gen: (req) => ({
            stdout: `${req.template.script?.source?.slice(6, 7)}\n`,
            parameters: { sq: String(Number(req.template.script?.source?.slice(6, 7)) ** 2) },
          }),
        },
      },
    );
    expect(r.phase).toBe("Succeeded");
    expect(r.byName("w.loop")).toMatchObject({ type: "TaskGroup", phase: "Succeeded" });
    expect(r.byName("w.loop(0:1)").outputs?.result).toBe("1");
    expect(r.byName("w.loop(2:3)").displayName).toBe("loop(2:3)");
    expect(r.executor.requests.find((q) => q.taskName === "results")?.template.container?.args).toEqual(["[1,2,3]"]);
    expect(r.byName("w").outputs?.parameters?.[0]).toMatchObject({ name: "all", value: '["1","4","9"]' });
    const script = r.executor.requests.find((q) => q.nodeName === "w.loop(0:1)")!;
    expect(script.template.script?.args).toEqual(["/argo/staging/script"]);
    expect(script.stage[0]).toMatchObject({ containerPath: "/argo/staging/script", content: "print(1)" });
  });
});

describe("steps", () => {
  it("runs groups in order, parallel steps within, with Argo's names", async () => {
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: steps}
spec:
  entrypoint: hello-hello-hello
  templates:
  - name: hello-hello-hello
    steps:
    - - name: hello1
        template: print-message
        arguments: {parameters: [{name: message, value: "hello1"}]}
    - - name: hello2a
        template: print-message
        arguments: {parameters: [{name: message, value: "hello2a"}]}
      - name: hello2b
        template: print-message
        arguments: {parameters: [{name: message, value: "hello2b"}]}
  - name: print-message
    inputs: {parameters: [{name: message}]}
    container: {image: busybox, command: [echo], args: ["{{inputs.parameters.message}}"]}
`);
    expect(r.phase).toBe("Succeeded");
    const root = r.byName("steps");
    expect(root.type).toBe("Steps");
    const g0 = r.byName("steps[0]");
    expect(g0).toMatchObject({ type: "StepGroup", displayName: "[0]", boundaryID: "steps", phase: "Succeeded" });
    const h1 = r.byName("steps[0].hello1");
    expect(h1.displayName).toBe("hello1");
    expect(root.children).toEqual([g0.id]);
    expect(g0.children).toEqual([h1.id]);
    expect(h1.children).toEqual([r.byName("steps[1]").id]);
    expect(r.byName("steps[1]").children).toEqual([r.byName("steps[1].hello2a").id, r.byName("steps[1].hello2b").id]);
    expect(root.outboundNodes).toEqual([r.byName("steps[1].hello2a").id, r.byName("steps[1].hello2b").id]);
  });

  it("fails the step group with child '<id>' failed and the steps node with the group's message", async () => {
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: s}
spec:
  entrypoint: main
  templates:
  - name: c
    container: {image: alpine}
  - name: main
    steps:
    - - {name: a, template: c}
    - - {name: b, template: c}
`,
      { pods: { a: { exitCode: 3 } } },
    );
    const a = r.byName("s[0].a");
    expect(r.byName("s[0]")).toMatchObject({ phase: "Failed", message: `child '${a.id}' failed` });
    expect(r.byName("s")).toMatchObject({ phase: "Failed", message: `child '${a.id}' failed` });
    expect(r.workflow.status?.message).toBe(`child '${a.id}' failed`);
    expect(r.nodes.find((n) => n.name === "s[1]")).toBeUndefined();
    expect(r.phase).toBe("Failed");
  });

  it("expands withItems of maps and withSequence with Argo's names", async () => {
    const r = await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: l}
spec:
  entrypoint: main
  templates:
  - name: c
    inputs: {parameters: [{name: a}]}
    container: {image: alpine, args: ["{{inputs.parameters.a}}"]}
  - name: main
    steps:
    - - name: m
        template: c
        arguments: {parameters: [{name: a, value: "{{item.os}}-{{item.v}}"}]}
        withItems: [{os: debian, v: "9.1"}, {os: ubuntu, v: 18}]
      - name: s
        template: c
        arguments: {parameters: [{name: a, value: "{{item}}"}]}
        withSequence: {start: "1", count: "2", format: "x%02d"}
`);
    expect(r.phase).toBe("Succeeded");
    expect(r.byName("l[0].m(0:os:debian,v:9.1)").phase).toBe("Succeeded");
    expect(r.byName("l[0].m(1:os:ubuntu,v:18)").inputs?.parameters?.[0]?.value).toBe("ubuntu-18");
    expect(r.byName("l[0].s(1:x02)").phase).toBe("Succeeded");
  });
});

describe("arguments and validation", () => {
  const params = `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: p-}
spec:
  entrypoint: main
  arguments:
    parameters:
    - {name: color, value: red, enum: [red, blue]}
  templates:
  - name: main
    container: {image: alpine, args: ["{{workflow.parameters.color}} {{workflow.name}}"]}
`;
  it("takes -p values, checks enum and unknown names", async () => {
    const r = await run(params, { parameters: { color: "blue" } });
    expect(r.workflow.metadata.name).toMatch(/^p-[a-z0-9]{5}$/);
    expect(r.executor.requests[0]?.template.container?.args).toEqual([`blue ${r.workflow.metadata.name}`]);
    await expect(run(params, { parameters: { color: "green" } })).rejects.toThrow(
      /value "green" is not one of its enum/,
    );
    await expect(run(params, { parameters: { colour: "red" } })).rejects.toThrow(/parameter "colour" is not declared/);
  });

  it("rejects what wfc lint rejects beyond the schema (the SDK's semanticIssues) before anything runs", async () => {
    const text = `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: sem}
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
      - {name: a, template: t, dependencies: [b]}
      - {name: b, template: t, dependencies: [a]}
  - name: t
    container: {image: alpine}
`;
    const err = await run(text).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunnerError);
    expect((err as RunnerError).code).toBe(RunnerCodes.invalid);
    expect((err as Error).message).toMatch(/Workflow sem: spec\.templates\[0\]\.dag.*cycle/);
    // a call of a template nobody defined: lint's message, before the runner's own preflight
    const unknown = await run(
      text.replace("{name: b, template: t, dependencies: [a]}", "{name: b, template: nope}"),
    ).catch((e: unknown) => e);
    expect((unknown as Error).message).toMatch(/template "nope" does not exist/);
  });

  it("reports every template that needs a cluster before anything runs", async () => {
    const p = run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: v}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: a, template: make-cm}
      - {name: b, templateRef: {name: lib, template: x}}
  - name: make-cm
    resource: {action: create, manifest: "kind: ConfigMap"}
`);
    await expect(p).rejects.toBeInstanceOf(RunnerError);
    const e = (await p.catch((x: unknown) => x)) as RunnerError;
    expect(e.problems.map((x) => x.code)).toEqual(["E_RUN_NEEDS_CLUSTER", "E_RUN_UNRESOLVED_TEMPLATE_REF"]);
    expect(e.message).toMatch(/template "make-cm" is a resource template/);
    expect(e.message).toMatch(/--templates/);
  });

  it("rejects timeout on a DAG and a bare-number timeout, as workflow/validate does", async () => {
    const e = (await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: t}
spec:
  entrypoint: main
  templates:
  - name: main
    timeout: 1m
    dag: {tasks: [{name: a, template: c}]}
  - name: c
    timeout: "30"
    container: {image: alpine}
`).catch((x: unknown) => x)) as RunnerError;
    // The CRD's own rule catches the DAG first (as the API server would).
    expect(e.problems.map((p) => p.message)).toEqual([
      "Workflow t: spec.templates: timeout cannot be applied to steps or dag templates",
    ]);
    const n = (await run(`
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: t}
spec:
  entrypoint: c
  templates:
  - name: c
    timeout: "30"
    container: {image: alpine}
`).catch((x: unknown) => x)) as RunnerError;
    expect(n.problems.map((p) => p.message)).toEqual(['template "c": c has invalid duration format in timeout']);
  });

  it("resolves templateRef and runs a WorkflowTemplate as submit --from", async () => {
    const lib = wf(`
apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: lib}
spec:
  entrypoint: hi
  arguments: {parameters: [{name: who, value: world}]}
  templates:
  - name: hi
    inputs: {parameters: [{name: who, value: "{{workflow.parameters.who}}"}]}
    container: {image: alpine, args: ["hi {{inputs.parameters.who}}"]}
`);
    const r = await run(
      `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: ref}
spec:
  entrypoint: main
  arguments: {parameters: [{name: who, value: there}]}
  templates:
  - name: main
    steps:
    - - {name: a, templateRef: {name: lib, template: hi}}
`,
      { templates: [lib] },
    );
    expect(r.phase).toBe("Succeeded");
    expect(r.byName("ref[0].a").templateRef).toEqual({ name: "lib", template: "hi" });
    expect(r.byName("ref[0].a").templateScope).toBe("local/ref");
    expect(r.executor.requests[0]?.template.container?.args).toEqual(["hi there"]);
    const r2 = await run(JSON.stringify(lib), { templates: [lib], parameters: { who: "you" } });
    expect(r2.phase).toBe("Succeeded");
    expect(r2.workflow.metadata.name).toMatch(/^lib-/);
    expect(r2.executor.requests[0]?.template.container?.args).toEqual(["hi you"]);
  });
});
