// biome-ignore-all lint/suspicious/noExplicitAny: compiled manifests are read as loose JSON in these assertions
import { describe, expect, it } from "vitest";
import type { Ref } from "../index.js";
import {
  and,
  applyParameterOverrides,
  artifact,
  CompileError,
  chain,
  clusterWorkflowTemplate,
  compile as compileTyped,
  container,
  containerSet,
  cronWorkflow,
  dag,
  data,
  eq,
  forEach,
  forEachParam,
  forSequence,
  http,
  nodeScript,
  not,
  or,
  ParameterError,
  parallel,
  param,
  plugin,
  resource,
  script,
  steps,
  suspend,
  toYaml,
  validateManifest,
  vars,
  workflow,
  workflowTemplate,
  z,
} from "../index.js";

const echo = container({ name: "echo", inputs: { msg: z.string() } }, ({ msg }) => ({
  image: "alpine:3.20",
  command: ["echo", msg],
}));
const gen = container(
  {
    name: "gen",
    outputs: { n: param(z.number(), { valueFrom: { path: "/tmp/n" } }), data: artifact({ path: "/tmp/data" }) },
  },
  { image: "alpine:3.20", command: ["sh", "-c", "echo 4 > /tmp/n; echo hi > /tmp/data"] },
);
const add = container({ name: "add", inputs: { a: z.number(), b: z.number().default(1) } }, ({ a, b }) => ({
  image: "alpine:3.20",
  args: [`${a}+${b}`],
}));
const consume = container(
  { name: "consume", inputs: { data: artifact({ path: "/in" }) } },
  { image: "alpine:3.20", command: ["cat", "/in"] },
);

function errorsOf(fn: () => unknown): CompileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CompileError) return e;
    throw e;
  }
  throw new Error("expected a CompileError");
}

type Obj = Record<string, any>;
const compile = (wf: Parameters<typeof compileTyped>[0]): any => compileTyped(wf);
const tasksOf = (m: Obj, template = "main"): Obj[] => m.spec.templates.find((t: Obj) => t.name === template).dag.tasks;

describe("compile: shape", () => {
  it("emits apiVersion, kind, metadata, spec in that order, entrypoint first, every template once", () => {
    const wf = workflow({ name: "shape" }, () => {
      const g = gen();
      add({ a: g.outputs.n });
      add({ a: g.outputs.n, b: 5 });
      echo({ msg: "x" });
    });
    const m = compile(wf);
    expect(Object.keys(m)).toEqual(["apiVersion", "kind", "metadata", "spec"]);
    expect(m.spec.entrypoint).toBe("main");
    expect(m.spec.templates.map((t: Obj) => t.name)).toEqual(["main", "gen", "add", "echo"]);
    expect(tasksOf(m).map((t) => t.name)).toEqual(["gen", "add", "add-2", "echo"]);
    expect(validateManifest(m)).toEqual([]);
  });

  it("passes references as {{tasks...}} and infers dependencies from them", () => {
    const wf = workflow({ name: "refs" }, () => {
      const g = gen();
      add({ a: g.outputs.n }, { name: "sum" });
      consume({ data: g.outputs.data });
      echo({ msg: `n is ${g.outputs.n}` }, { name: "say" });
    });
    const t = tasksOf(compile(wf));
    expect(t[1]).toEqual({
      name: "sum",
      template: "add",
      arguments: { parameters: [{ name: "a", value: "{{tasks.gen.outputs.parameters.n}}" }] },
      depends: "gen",
    });
    expect(t[2]!.arguments.artifacts).toEqual([{ name: "data", from: "{{tasks.gen.outputs.artifacts.data}}" }]);
    expect(t[3]!.arguments.parameters[0].value).toBe("n is {{tasks.gen.outputs.parameters.n}}");
    expect(t[3]!.depends).toBe("gen");
  });

  it("combines explicit after, depends expressions and inferred dependencies; drops inferred ones already implied", () => {
    const wf = workflow({ name: "deps", dependencyStyle: "depends" }, () => {
      const a = gen({}, { name: "a" });
      const b = echo({ msg: "b" }, { name: "b", after: a });
      echo({ msg: `${a.outputs.n}` }, { name: "c", after: b });
      echo({ msg: "d" }, { name: "d", depends: or(a.failed, b.succeeded.and(not(a.skipped))) });
      echo({ msg: `${a.outputs.n}` }, { name: "e", depends: b.failed });
      const f = gen({}, { name: "f" });
      echo({ msg: `${f.outputs.n}` }, { name: "g", depends: b.failed });
    });
    const t = tasksOf(compile(wf));
    expect(t[1]!.depends).toBe("a");
    expect(t[2]!.depends).toBe("b"); // a is implied through b
    expect(t[3]!.depends).toBe("a.Failed || (b.Succeeded && !a.Skipped)");
    expect(t[4]!.depends).toBe("b.Failed"); // a is implied: b ran after a
    expect(t[6]!.depends).toBe("b.Failed && f");
  });

  it("chain() orders groups of calls: fan-out then fan-in", () => {
    const wf = workflow({ name: "chained" }, () => {
      chain(
        () => echo({ msg: "start" }, { name: "start" }),
        () => {
          echo({ msg: "a" }, { name: "a" });
          echo({ msg: "b" }, { name: "b" });
        },
        () => echo({ msg: "end" }, { name: "end" }),
      );
      echo({ msg: "free" }, { name: "free" });
    });
    const t = tasksOf(compile(wf));
    expect(t.map((x) => [x.name, x.depends])).toEqual([
      ["start", undefined],
      ["a", "start"],
      ["b", "start"],
      ["end", "a && b"],
      ["free", undefined],
    ]);
  });

  it("writes dependencies lists with dependencyStyle: dependencies", () => {
    const body = dag({ name: "d", dependencyStyle: "dependencies" }, () => {
      const a = echo({ msg: "a" }, { name: "A" });
      echo({ msg: "b" }, { name: "B", after: [a] });
    });
    const m = compile(workflow({ name: "list-deps", entrypoint: body }));
    expect(m.spec.templates[0].dag.tasks[1].dependencies).toEqual(["A"]);
  });

  it("lowers loops: withItems of objects typed per item, withParam, withSequence", () => {
    const wf = workflow({ name: "loops" }, () => {
      forEach(
        [
          { os: "debian", v: 12 },
          { os: "alpine", v: 3 },
        ],
        (item) => echo({ msg: `${item.os}:${item.v}` }, { name: "os" }),
      );
      const g = gen();
      forEachParam(g.outputs.n as unknown as Ref<number[]>, (item) => echo({ msg: `${item}` }, { name: "each" }));
      forSequence({ count: 3 }, (i) => echo({ msg: `${i}` }, { name: "seq" }));
    });
    const t = tasksOf(compile(wf));
    expect(t[0]!.withItems).toEqual([
      { os: "debian", v: 12 },
      { os: "alpine", v: 3 },
    ]);
    expect(t[0]!.arguments.parameters[0].value).toBe("{{item.os}}:{{item.v}}");
    expect(t[2]!.withParam).toBe("{{tasks.gen.outputs.parameters.n}}");
    expect(t[2]!.depends).toBe("gen");
    expect(t[3]!.withSequence).toEqual({ count: 3 });
    expect(t[3]!.arguments.parameters[0].value).toBe("{{item}}");
  });

  it("lowers when conditions built from references", () => {
    const flip = script(
      { name: "flip", result: z.enum(["heads", "tails"]) },
      { image: "python:3.12-alpine", command: ["python"], source: "print('heads')" },
    );
    const wf = workflow({ name: "cond" }, () => {
      const f = flip();
      echo({ msg: "heads" }, { name: "heads", when: eq(f.result, "heads") });
    });
    const t = tasksOf(compile(wf));
    expect(t[1]!.when).toBe("{{tasks.flip.outputs.result}} == heads");
    expect(t[1]!.depends).toBe("flip");
  });

  it("lowers workflow parameters, defaults and enums to spec.arguments", () => {
    const wf = workflow(
      {
        generateName: "params-",
        parameters: {
          who: z.string().default("world"),
          mode: z.enum(["fast", "slow"]).describe("speed"),
          n: z.number(),
        },
      },
      ({ who, mode }) => {
        echo({ msg: `${who} ${mode}` });
      },
    );
    const m = compile(wf);
    expect(m.spec.arguments).toEqual({
      parameters: [
        { name: "who", value: "world" },
        { name: "mode", enum: ["fast", "slow"], description: "speed" },
        { name: "n" },
      ],
    });
    expect(tasksOf(m)[0]!.arguments.parameters[0].value).toBe(
      "{{workflow.parameters.who}} {{workflow.parameters.mode}}",
    );
    expect(m.metadata).toEqual({ generateName: "params-" });
  });

  it("steps bodies: sequential calls and parallel groups", () => {
    const s = steps({ name: "s" }, () => {
      const g = gen();
      parallel(() => {
        add({ a: g.outputs.n });
        echo({ msg: "x" });
      });
    });
    const m = compile(workflow({ name: "st", entrypoint: s }));
    const tpl = m.spec.templates[0];
    expect(tpl.steps.map((g: Obj[]) => g.map((x) => x.name))).toEqual([["gen"], ["add", "echo"]]);
    expect(tpl.steps[1][0].arguments.parameters[0].value).toBe("{{steps.gen.outputs.parameters.n}}");
    expect(tpl.steps[1][0].depends).toBeUndefined();
  });

  it("failFast goes to the DAG in a dag(), to the template in a steps()", () => {
    const d = dag({ name: "d", failFast: false }, () => {
      echo({ msg: "a" });
    });
    const s = steps({ name: "s", failFast: true }, () => {
      echo({ msg: "a" });
    });
    const m = compile(workflow({ name: "ff", entrypoint: d, templates: [s] }));
    expect(m.spec.templates[0].dag.failFast).toBe(false);
    expect(m.spec.templates.find((t: Obj) => t.name === "s").failFast).toBe(true);
    expect(validateManifest(m)).toEqual([]);
  });

  it("every template kind lowers to a manifest that passes the CRD schema", () => {
    const kinds = [
      resource(
        { name: "mk" },
        { action: "create", manifest: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: x-\n" },
      ),
      suspend({ name: "wait" }, { duration: "10s" }),
      http({ name: "get", inputs: { url: z.string() } }, ({ url }) => ({ url, method: "GET" })),
      data(
        { name: "list" },
        {
          source: { artifactPaths: { name: "in", s3: { key: "in/" } } },
          transformation: [{ expression: "filter(data, {# endsWith '.csv'})" }],
        },
      ),
      containerSet({ name: "set" }, { containers: [{ name: "main", image: "busybox:1.36", command: ["true"] }] }),
      plugin({ name: "hi" }, { hello: { text: "hi" } }),
    ];
    const m = compile(
      workflow({ name: "kinds" }, () => {
        kinds[0]!();
        kinds[1]!();
        kinds[2]!({ url: "https://example.com" } as never);
        kinds[3]!();
        kinds[4]!();
        kinds[5]!();
      }),
    );
    const byName = new Map<string, Obj>(m.spec.templates.map((t: Obj) => [t.name, t]));
    expect(byName.get("mk")!.resource.action).toBe("create");
    expect(byName.get("wait")!.suspend).toEqual({ duration: "10s" });
    expect(byName.get("get")!.http.url).toBe("{{inputs.parameters.url}}");
    expect(byName.get("list")!.data.transformation).toHaveLength(1);
    expect(byName.get("set")!.containerSet.containers[0].name).toBe("main");
    expect(byName.get("hi")!.plugin).toEqual({ hello: { text: "hi" } });
    expect(validateManifest(m)).toEqual([]);
  });

  it("an input parameter and an input artifact may share an Argo name (artifact({ name }))", () => {
    const both = container(
      { name: "both", inputs: { data: z.string(), dataFile: artifact({ name: "data", path: "/in" }) } },
      ({ data, dataFile }) => ({ image: "busybox:1.36", args: [`${data}`, `${dataFile}`] }),
    );
    const m = compile(
      workflow({ name: "same-name" }, () => {
        const g = gen();
        both({ data: "x", dataFile: g.outputs.data });
      }),
    );
    const t = m.spec.templates.find((x: Obj) => x.name === "both");
    expect(t.inputs).toEqual({ parameters: [{ name: "data" }], artifacts: [{ name: "data", path: "/in" }] });
    expect(t.container.args).toEqual(["{{inputs.parameters.data}}", "{{inputs.artifacts.data}}"]);
    expect(tasksOf(m)[1]!.arguments).toEqual({
      parameters: [{ name: "data", value: "x" }],
      artifacts: [{ name: "data", from: "{{tasks.gen.outputs.artifacts.data}}" }],
    });
    expect(validateManifest(m)).toEqual([]);
  });

  it("template-level fields may be functions of the template's typed inputs", () => {
    const slow = container(
      {
        name: "slow",
        inputs: { limit: z.string(), who: z.string() },
        timeout: ({ limit }) => limit,
        metadata: ({ who }) => ({ annotations: { "workflows.argoproj.io/display-name": `slow-${who}` } }),
      },
      { image: "busybox:1.36", args: ["sleep", "30"] },
    );
    const loop = steps(
      // n has a default: an entrypoint's required input must come from the workflow's arguments (Argo: "was not supplied")
      { name: "loop", inputs: { n: z.string().default("1") }, metadata: ({ n }) => ({ labels: { size: n } }) },
      ({ n }) => {
        slow({ limit: n, who: "x" });
      },
    );
    const m = compile(workflow({ name: "fields-fn", entrypoint: loop }));
    const t = m.spec.templates.find((x: Obj) => x.name === "slow");
    expect(t.timeout).toBe("{{inputs.parameters.limit}}");
    expect(t.metadata).toEqual({
      annotations: { "workflows.argoproj.io/display-name": "slow-{{inputs.parameters.who}}" },
    });
    expect(m.spec.templates[0].metadata).toEqual({ labels: { size: "{{inputs.parameters.n}}" } });
  });

  it("nested DAGs with inputs and outputs", () => {
    const inner = dag({ name: "inner", inputs: { x: z.number() }, outputs: { out: param(z.number()) } }, ({ x }) => {
      const a = add({ a: x });
      const g = gen({}, { after: a });
      return { out: g.outputs.n };
    });
    const wf = workflow({ name: "nested" }, () => {
      const i = inner({ x: 3 });
      add({ a: i.outputs.out });
    });
    const m = compile(wf);
    const innerT = m.spec.templates.find((t: Obj) => t.name === "inner");
    expect(innerT.inputs).toEqual({ parameters: [{ name: "x" }] });
    expect(innerT.outputs).toEqual({
      parameters: [{ name: "out", valueFrom: { parameter: "{{tasks.gen.outputs.parameters.n}}" } }],
    });
    expect(innerT.dag.tasks[0].arguments.parameters[0].value).toBe("{{inputs.parameters.x}}");
    expect(tasksOf(m)[1]!.arguments.parameters[0].value).toBe("{{tasks.inner.outputs.parameters.out}}");
  });

  it("CronWorkflow puts the workflow under spec.workflowSpec with v4 schedules", () => {
    const wf = cronWorkflow(
      { name: "nightly", schedules: ["0 2 * * *"], cron: { timezone: "UTC", concurrencyPolicy: "Forbid" } },
      () => {
        echo({ msg: "x" });
      },
    );
    const m = compile(wf);
    expect(Object.keys(m.spec)).toEqual(["schedules", "timezone", "concurrencyPolicy", "workflowSpec"]);
    expect(m.spec.workflowSpec.entrypoint).toBe("main");
    expect(validateManifest(m)).toEqual([]);
  });

  it("identical templates are emitted once even from two copies", () => {
    const copy = container({ name: "echo", inputs: { msg: z.string() } }, ({ msg }) => ({
      image: "alpine:3.20",
      command: ["echo", msg],
    }));
    const m = compile(
      workflow({ name: "dupe" }, () => {
        echo({ msg: "a" });
        copy({ msg: "b" });
      }),
    );
    expect(m.spec.templates.filter((t: Obj) => t.name === "echo")).toHaveLength(1);
  });

  it("nodeScript turns a TypeScript function into a Node script template", () => {
    const plusOne = nodeScript({
      inputs: { x: z.number() },
      result: z.number(),
      run: function plusOne({ x }) {
        return x + 1;
      },
    });
    const m = compile(
      workflow({ name: "ts" }, () => {
        plusOne({ x: 1 });
      }),
    );
    const t = m.spec.templates.find((x: Obj) => x.name === "plus-one");
    expect(t.script.image).toBe("node:22-alpine");
    expect(t.script.env).toEqual([{ name: "WFC_INPUT_0", value: "{{inputs.parameters.x}}" }]);
    expect(t.script.source).toContain("return x + 1");
    expect(validateManifest(m)).toEqual([]);
  });

  it("vars: metadata maps, the calling step or task name, and template metrics variables", () => {
    const probe = container(
      {
        name: "probe",
        metrics: {
          prometheus: [
            {
              name: "probe_seconds",
              help: "probe",
              labels: [
                { key: "code", value: `${vars.exitCode}` },
                { key: "result", value: `${vars.outputs.result}` },
                { key: "cpu", value: `${vars.resourcesDuration("cpu")}` },
              ],
              gauge: { realtime: false, value: `${vars.duration}` },
            },
          ],
        },
      },
      {
        image: "alpine:3.20",
        command: [
          "echo",
          `${vars.workflow.labels} ${vars.workflow.labelsJson} ${vars.workflow.annotations} ${vars.workflow.annotationsJson} ${vars.workflow.parameters}`,
          `${vars.steps.name} ${vars.tasks.name}`,
        ],
      },
    );
    const m = compile(
      workflow({ name: "vars" }, () => {
        probe();
        echo({ msg: `${vars.workflow.creationTime("RFC3339")}` });
      }),
    );
    const t = m.spec.templates.find((x: Obj) => x.name === "probe");
    expect(t.container.command).toEqual([
      "echo",
      "{{workflow.labels}} {{workflow.labels.json}} {{workflow.annotations}} {{workflow.annotations.json}} {{workflow.parameters}}",
      "{{steps.name}} {{tasks.name}}",
    ]);
    expect(t.metrics.prometheus[0].labels.map((l: Obj) => l.value)).toEqual([
      "{{exitCode}}",
      "{{outputs.result}}",
      "{{resourcesDuration.cpu}}",
    ]);
    expect(tasksOf(m)[1]!.arguments.parameters[0].value).toBe("{{workflow.creationTimestamp.RFC3339}}");
    expect(validateManifest(m)).toEqual([]);
  });

  it("is deterministic", () => {
    const make = () =>
      workflow({ name: "det" }, () => {
        const g = gen();
        add({ a: g.outputs.n });
      });
    expect(toYaml([compile(make())])).toBe(toYaml([compile(make())]));
  });
});

describe("compile: errors name the workflow, the task and the user's file:line", () => {
  it("rejects input values that fail their zod schema", () => {
    const wf = workflow({ name: "bad-arg" }, () => {
      add({ a: "x" as unknown as number });
    });
    const e = errorsOf(() => compile(wf));
    expect(e.code).toBe("E_INVALID_ARGUMENT");
    expect(e.diagnostics[0]).toMatchObject({ workflow: "Workflow/bad-arg", task: "add" });
    expect(e.message).toMatch(
      /compile\.test\.ts:\d+:\d+: Workflow\/bad-arg, template main, task add: input "a" of template "add"/,
    );
  });

  it("rejects a reference inside an array or object argument, naming the input (not a zod message about a RefImpl)", () => {
    const lines = container({ name: "lines", inputs: { lines: z.array(z.string()) } }, { image: "busybox" });
    const wf = workflow({ name: "nested-ref" }, () => {
      const g = gen();
      lines({ lines: [g.outputs.n] } as never);
      lines({ lines: { deep: [g.result] } } as never);
    });
    const e = errorsOf(() => compile(wf));
    expect(e.diagnostics.map((d) => d.code)).toEqual(["E_REF_IN_VALUE", "E_REF_IN_VALUE"]);
    expect(e.message).toMatch(
      /compile\.test\.ts:\d+:\d+: Workflow\/nested-ref, template main, task lines: input "lines" of template "lines": a task output or input reference inside an array or object is not supported/,
    );
    expect(e.message).not.toMatch(/RefImpl|⟦wfc/);
    // arrays and objects without references are still checked by their schema, and pass
    const ok = workflow({ name: "no-ref" }, () => {
      lines({ lines: ["a", "b"] });
    });
    expect(() => compile(ok)).not.toThrow();
  });

  it("rejects unknown and missing inputs", () => {
    const wf = workflow({ name: "bad-inputs" }, () => {
      echo({ msg: "x", nope: 1 } as never);
      echo({} as never);
    });
    const e = errorsOf(() => compile(wf));
    expect(e.diagnostics.map((d) => d.code).sort()).toEqual(["E_MISSING_INPUT", "E_UNKNOWN_INPUT"]);
  });

  it("rejects duplicate task names and invalid names", () => {
    const wf = workflow({ name: "Bad_Name" }, () => {
      echo({ msg: "a" }, { name: "x" });
      echo({ msg: "b" }, { name: "x" });
      echo({ msg: "c" }, { name: "has space" });
    });
    const codes = errorsOf(() => compile(wf)).diagnostics.map((d) => d.code);
    expect(codes).toContain("E_DUPLICATE_TASK");
    expect(codes.filter((c) => c === "E_BAD_NAME")).toHaveLength(2);
  });

  it("rejects two different templates with one name", () => {
    const other = container({ name: "echo" }, { image: "busybox" });
    const e = errorsOf(() =>
      compile(
        workflow({ name: "clash" }, () => {
          echo({ msg: "a" });
          other();
        }),
      ),
    );
    expect(e.code).toBe("E_DUPLICATE_TEMPLATE");
  });

  it("rejects a reference to a task outside its DAG", () => {
    let leaked: any;
    const inner = dag({ name: "inner" }, () => {
      leaked = gen();
    });
    const wf = workflow({ name: "leak" }, () => {
      inner();
      add({ a: leaked.outputs.n });
    });
    const e = errorsOf(() => compile(wf));
    expect(e.code).toBe("E_REF_OUTSIDE_DAG");
    expect(e.message).toContain('task "gen" of template "inner"');
  });

  it("rejects a Ref from another workflow", () => {
    const a = workflow({ name: "a", parameters: { p: z.string() } }, ({ p }) => {
      echo({ msg: p });
    });
    let pOfA: any;
    workflow({ name: "a2", parameters: { p: z.string() } }, ({ p }) => {
      pOfA = p;
      echo({ msg: p });
    });
    const b = workflow({ name: "b" }, () => {
      echo({ msg: pOfA });
    });
    expect(() => compile(a)).not.toThrow();
    expect(errorsOf(() => compile(b)).code).toBe("E_FOREIGN_REF");
  });

  it("rejects a hand-written reference to an undeclared output or an unknown task", () => {
    const wf = workflow({ name: "hand" }, () => {
      gen();
      echo({ msg: "{{tasks.gen.outputs.parameters.nope}}" }, { name: "a" });
      echo({ msg: "{{tasks.ghost.outputs.result}}" }, { name: "b" });
    });
    const codes = errorsOf(() => compile(wf)).diagnostics.map((d) => d.code);
    expect(codes).toEqual(["E_UNKNOWN_OUTPUT", "E_UNKNOWN_TASK"]);
  });

  it("rejects the result of a template that has none", () => {
    const wait = suspend({ name: "wait" }, { duration: "5s" });
    const wf = workflow({ name: "no-result" }, () => {
      const w = wait();
      echo({ msg: w.result as never });
    });
    expect(errorsOf(() => compile(wf)).code).toBe("E_UNKNOWN_OUTPUT");
  });

  it("rejects dependency cycles written by hand", () => {
    const wf = workflow({ name: "cycle" }, () => {
      echo({ msg: "{{tasks.b.outputs.result}}" }, { name: "a" });
      echo({ msg: "{{tasks.a.outputs.result}}" }, { name: "b" });
    });
    const e = errorsOf(() => compile(wf));
    expect(e.code).toBe("E_CYCLE");
    expect(e.message).toMatch(/a -> b -> a|b -> a -> b/);
  });

  it("rejects a step that uses the output of a step that runs later or in the same group", () => {
    const s = steps({ name: "s" }, () => {
      parallel(() => {
        const g = gen();
        add({ a: g.outputs.n });
      });
    });
    expect(errorsOf(() => compile(workflow({ name: "order", entrypoint: s }))).code).toBe("E_STEP_ORDER");
  });

  it("rejects a missing entrypoint", () => {
    const wf = workflow({ name: "no-entry", templates: [echo] });
    expect(errorsOf(() => compile(wf)).code).toBe("E_NO_ENTRYPOINT");
    const wf2 = workflowTemplate({ name: "tpl", templates: [echo], entrypoint: "missing" });
    expect(errorsOf(() => compile(wf2)).code).toBe("E_NO_ENTRYPOINT");
  });

  it("collects every problem instead of stopping at the first", () => {
    const wf = clusterWorkflowTemplate({ name: "many" }, () => {
      add({ a: "x" as never });
      echo({} as never);
    });
    expect(errorsOf(() => compile(wf)).diagnostics.length).toBe(2);
  });

  it("calling a template outside a body is an authoring error with a hint", () => {
    expect(() => (echo as any)({ msg: "x" })).toThrow(/outside a workflow, dag\(\) or steps\(\) body/);
  });
});

describe("applyParameterOverrides", () => {
  const wf = workflow({ name: "p", parameters: { n: z.number().int(), mode: z.enum(["a", "b"]) } }, ({ n, mode }) => {
    echo({ msg: `${n}${mode}` });
  });
  it("sets values checked against the declared schema", () => {
    const m = applyParameterOverrides(compile(wf), { n: "3", mode: "b" }, wf);
    expect((m.spec.arguments as any).parameters).toEqual([
      { name: "n", value: "3" },
      { name: "mode", enum: ["a", "b"], value: "b" },
    ]);
  });
  it("rejects unknown names, wrong types and values outside the enum", () => {
    expect(() => applyParameterOverrides(compile(wf), { x: "1" }, wf)).toThrow(ParameterError);
    expect(() => applyParameterOverrides(compile(wf), { n: "abc" }, wf)).toThrow(/parameter "n"/);
    expect(() => applyParameterOverrides(compile(wf), { mode: "c" }, wf)).toThrow(/must be one of a, b/);
  });
});

void and;
