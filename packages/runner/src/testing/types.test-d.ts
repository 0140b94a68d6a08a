import { artifact, container, nodeScript, param, workflow, z } from "@wfc/sdk";
import type { Artifact } from "@wfc/sdk/argo";
import { describe, expectTypeOf, it } from "vitest";
import { fail, type MockArtifactInput, mock, type NodeView, runWorkflow, type WorkflowRun } from "./index.js";

const extract = container(
  {
    name: "extract",
    inputs: { date: z.string() },
    outputs: {
      partitions: param(z.array(z.string()), { valueFrom: { path: "/tmp/p" } }),
      raw: artifact({ path: "/data/raw" }),
    },
  },
  ({ date }) => ({ image: "alpine", args: [date] }),
);
const transform = container(
  {
    name: "transform",
    inputs: { partition: z.string(), raw: artifact({ path: "/data/raw" }) },
    outputs: { rows: param(z.number(), { valueFrom: { path: "/tmp/rows" } }) },
  },
  { image: "alpine" },
);
const plusOne = nodeScript({
  inputs: { x: z.number() },
  result: z.number(),
  run: function plusOne({ x }) {
    return x + 1;
  },
});
const shout = container({ name: "shout", inputs: { msg: z.string() } }, ({ msg }) => ({
  image: "alpine",
  args: [msg],
}));

let handle!: ReturnType<typeof transform>;
const wf = workflow(
  { generateName: "t-", parameters: { date: z.string().default("2026-01-01"), n: z.number().default(1) } },
  ({ date }) => {
    const e = extract({ date });
    handle = transform({ partition: "a", raw: e.outputs.raw });
  },
);
declare const run: WorkflowRun;

describe("mocks are typed by their template", () => {
  it("receive the template's typed inputs", () => {
    mock(transform, (inputs) => {
      expectTypeOf(inputs.partition).toEqualTypeOf<string>();
      expectTypeOf(inputs.raw).toEqualTypeOf<MockArtifactInput>();
      return { rows: 1 };
    });
    mock(plusOne, ({ x }) => {
      expectTypeOf(x).toEqualTypeOf<number>();
      return { result: x + 1 };
    });
  });

  it("must return the declared outputs with their types", () => {
    mock(extract, { partitions: ["a"] });
    mock(extract, { partitions: ["a"], raw: { "a.csv": "1" } });
    // @ts-expect-error: rows is a number
    mock(transform, () => ({ rows: "3" }));
    // @ts-expect-error: rows is missing
    mock(transform, () => ({ row: 3 }));
    // @ts-expect-error: partitions is a string[]
    mock(extract, { partitions: "a,b" });
    // @ts-expect-error: an artifact is a file's content or a directory of files
    mock(extract, { partitions: [], raw: 3 });
  });

  it("`result` is required when the template declares a non-string result, and typed", () => {
    mock(plusOne, { result: 3 });
    // @ts-expect-error: result is a number
    mock(plusOne, { result: "3" });
    // @ts-expect-error: result is required
    mock(plusOne, () => ({}));
    // a container's result (its stdout) is a string and optional
    mock(shout, {});
    mock(shout, { result: "HI" });
    // @ts-expect-error: a container's result is a string
    mock(shout, { result: 1 });
  });

  it("may fail, now or later, and async", () => {
    mock(transform, fail("boom"));
    mock(transform, (_in, { retry }) => (retry === 0 ? fail({ exitCode: 3 }) : { rows: 1 }));
    mock(transform, async () => ({ rows: 1 }));
    // @ts-expect-error: async, still typed
    mock(transform, async () => ({ rows: "1" }));
  });

  it("by task: untyped by name, typed with its template or by handle", () => {
    mock({ task: "load" }, (inputs) => {
      expectTypeOf(inputs).toEqualTypeOf<Readonly<Record<string, string>>>();
      return { anything: 1 };
    });
    mock({ task: "transform", template: transform }, () => ({ rows: 1 }));
    // @ts-expect-error: typed by the template
    mock({ task: "transform", template: transform }, () => ({ rows: "1" }));
    mock(handle, { rows: 2 });
    // @ts-expect-error: typed by the handle's outputs
    mock(handle, { rows: "2" });
  });
});

describe("results are typed by what they are looked up with", () => {
  it("run.node(template).outputs has the declared types", () => {
    expectTypeOf(run.node(transform).outputs.rows).toEqualTypeOf<number>();
    expectTypeOf(run.node(extract).outputs.partitions).toEqualTypeOf<string[]>();
    expectTypeOf(run.node(extract).outputs.raw).toEqualTypeOf<Artifact>();
    expectTypeOf(run.node(plusOne).result).toEqualTypeOf<number>();
    expectTypeOf(run.node(shout).result).toEqualTypeOf<string>();
    expectTypeOf(run.nodesOf(transform)[0]!.outputs.rows).toEqualTypeOf<number>();
    // @ts-expect-error: no such output
    void run.node(transform).outputs.nope;
  });

  it("run.node(handle).outputs.x has the declared type", () => {
    expectTypeOf(run.node(handle).outputs.rows).toEqualTypeOf<number>();
  });

  it("by name: strings", () => {
    expectTypeOf(run.node("load")).toEqualTypeOf<NodeView>();
    expectTypeOf(run.node("load").outputs["rows"]).toEqualTypeOf<string | undefined>();
    expectTypeOf(run.node("load").result).toEqualTypeOf<string>();
  });

  it("workflow parameters are typed", () => {
    void runWorkflow(wf, { parameters: { date: "2026-02-02", n: 3 } });
    // @ts-expect-error: n is a number
    void runWorkflow(wf, { parameters: { n: "3" } });
    // @ts-expect-error: no such parameter
    void runWorkflow(wf, { parameters: { day: "x" } });
    expectTypeOf(runWorkflow(wf)).resolves.toEqualTypeOf<WorkflowRun>();
  });
});
