import { describe, expectTypeOf, it } from "vitest";
import {
  type ArtifactRef,
  artifact,
  container,
  dag,
  eq,
  forEach,
  nodeScript,
  param,
  type Ref,
  type Task,
  type WorkflowObject,
  workflow,
  z,
} from "../index.js";

const produce = container(
  {
    name: "produce",
    outputs: {
      count: param(z.number(), { valueFrom: { path: "/tmp/n" } }),
      label: param(z.string(), { valueFrom: { path: "/tmp/l" } }),
      data: artifact({ path: "/tmp/d" }),
    },
  },
  { image: "alpine" },
);
const needsString = container({ name: "s", inputs: { text: z.string() } }, ({ text }) => ({
  image: "alpine",
  args: [text],
}));
const needsNumber = container(
  { name: "n", inputs: { n: z.number(), opt: z.number().default(2) } },
  { image: "alpine" },
);
const needsArtifact = container({ name: "a", inputs: { data: artifact({ path: "/in" }) } }, { image: "alpine" });
const withDefaultArtifact = container(
  { name: "b", inputs: { data: artifact({ path: "/in", raw: { data: "x" } }) } },
  { image: "alpine" },
);

describe("typed references", () => {
  it("a task's outputs are typed references", () => {
    workflow({ name: "t" }, () => {
      const p = produce();
      expectTypeOf(p).toMatchTypeOf<Task>();
      expectTypeOf(p.outputs.count).toEqualTypeOf<Ref<number>>();
      expectTypeOf(p.outputs.label).toEqualTypeOf<Ref<string>>();
      expectTypeOf(p.outputs.data).toEqualTypeOf<ArtifactRef>();
      expectTypeOf(p.result).toEqualTypeOf<Ref<string>>();
      // @ts-expect-error: no such output
      p.outputs.nope;
    });
  });

  it("passing a Ref<number> where a string input is declared is a compile error", () => {
    workflow({ name: "t" }, () => {
      const p = produce();
      needsString({ text: p.outputs.label });
      needsString({ text: "literal" });
      needsString({ text: `interpolated ${p.outputs.count}` });
      // @ts-expect-error: Ref<number> is not a Ref<string>
      needsString({ text: p.outputs.count });
      // @ts-expect-error: a number literal is not a string
      needsString({ text: 3 });
      needsNumber({ n: p.outputs.count });
      // @ts-expect-error: Ref<string> is not a Ref<number>
      needsNumber({ n: p.outputs.label });
    });
  });

  it("required inputs must be given, defaults make them optional, unknown names are errors", () => {
    workflow({ name: "t" }, () => {
      needsNumber({ n: 1 });
      needsNumber({ n: 1, opt: 3 });
      // @ts-expect-error: n is required
      needsNumber({});
      // @ts-expect-error: unknown input
      needsNumber({ n: 1, other: 2 });
    });
  });

  it("artifacts take artifact references, not parameter references", () => {
    workflow({ name: "t" }, () => {
      const p = produce();
      needsArtifact({ data: p.outputs.data });
      // @ts-expect-error: a parameter reference is not an artifact
      needsArtifact({ data: p.outputs.label });
      // @ts-expect-error: the artifact input is required
      needsArtifact({});
      withDefaultArtifact();
    });
  });

  it("loop items are typed per item", () => {
    workflow({ name: "t" }, () => {
      forEach([{ os: "debian", version: 12 }], (item) => {
        expectTypeOf(item.os).toMatchTypeOf<Ref<string>>();
        expectTypeOf(item.version).toMatchTypeOf<Ref<number>>();
        needsString({ text: item.os });
        // @ts-expect-error: item.version is a number
        needsString({ text: item.version });
        // @ts-expect-error: no such field
        item.arch;
      });
    });
  });

  it("workflow parameters are typed references", () => {
    const wf = workflow(
      { name: "t", parameters: { who: z.string(), times: z.number().default(1) } },
      ({ who, times }) => {
        expectTypeOf(who).toEqualTypeOf<Ref<string>>();
        expectTypeOf(times).toEqualTypeOf<Ref<number>>();
        needsString({ text: who });
        // @ts-expect-error: a number parameter is not a string
        needsString({ text: times });
      },
    );
    expectTypeOf(wf).toMatchTypeOf<WorkflowObject>();
  });

  it("DAG templates are typed by their declared inputs and outputs", () => {
    const inner = dag({ name: "inner", inputs: { x: z.number() }, outputs: { y: param(z.string()) } }, ({ x }) => {
      expectTypeOf(x).toEqualTypeOf<Ref<number>>();
      const p = produce();
      needsNumber({ n: x });
      return { y: p.outputs.label };
    });
    workflow({ name: "t" }, () => {
      const i = inner({ x: 1 });
      expectTypeOf(i.outputs.y).toEqualTypeOf<Ref<string>>();
      // @ts-expect-error: x must be a number
      inner({ x: "1" });
    });
    // @ts-expect-error: y must be a string reference
    dag({ name: "bad", outputs: { y: param(z.string()) } }, () => ({ y: produce().outputs.count }));
  });

  it("TypeScript script functions get typed inputs and a typed result", () => {
    const plusOne = nodeScript({
      inputs: { x: z.number() },
      result: z.number(),
      run: ({ x }) => x + 1,
      name: "plus-one",
    });
    workflow({ name: "t" }, () => {
      const r = plusOne({ x: 1 });
      expectTypeOf(r.result).toEqualTypeOf<Ref<number>>();
      needsNumber({ n: r.result });
      // @ts-expect-error: result is a number
      needsString({ text: r.result });
    });
    // @ts-expect-error: x is a number, it has no toUpperCase
    nodeScript({ name: "bad", inputs: { x: z.number() }, run: ({ x }) => x.toUpperCase() });
  });

  it("conditions and depends are typed", () => {
    workflow({ name: "t" }, () => {
      const p = produce();
      needsString({ text: "x" }, { when: eq(p.outputs.label, "a"), depends: p.succeeded.or(p.failed) });
      // @ts-expect-error: depends takes an expression, not a string
      needsString({ text: "x" }, { depends: "produce" });
    });
  });

  it("template-level fields given as functions get the template's typed inputs", () => {
    container(
      {
        name: "t",
        inputs: { limit: z.string() },
        timeout: ({ limit }) => {
          expectTypeOf(limit).toEqualTypeOf<Ref<string>>();
          return limit;
        },
      },
      { image: "alpine" },
    );
    // @ts-expect-error: the template declares no input "nope"
    container({ name: "t2", inputs: { limit: z.string() }, timeout: ({ nope }) => nope }, { image: "alpine" });
  });
});
