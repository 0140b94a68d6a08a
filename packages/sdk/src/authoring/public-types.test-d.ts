// Templates without a result (dag, steps, suspend, resource) have none in their types: using
// `.result` of their tasks is a compile error whose message says why.
import { describe, expectTypeOf, it } from "vitest";
import {
  type ArgsOf,
  type Artifact,
  type ArtifactRef,
  artifact,
  container,
  dag,
  type InputsOf,
  type OutputsOf,
  type ParamDecl,
  param,
  type Ref,
  resource,
  script,
  steps,
  suspend,
  type Task,
  type TaskOptions,
  type Template,
  type TypeError as WfcTypeError,
  workflow,
  z,
} from "../index.js";

const say = container({ name: "say", inputs: { msg: z.string() } }, ({ msg }) => ({ image: "alpine", args: [msg] }));
const flip = script({ name: "flip" }, { image: "python", command: ["python"], source: "print('heads')" });
const inner = dag({ name: "inner" }, () => {
  say({ msg: "x" });
});
const group = steps({ name: "group" }, () => {
  say({ msg: "x" });
});
const wait = suspend({ name: "wait" }, { duration: "5s" });
const mk = resource({ name: "mk" }, { action: "create", manifest: "apiVersion: v1\nkind: ConfigMap\n" });

type NoResult =
  WfcTypeError<"this task has no result: dag, steps, suspend and resource templates produce no outputs.result (declare an output instead)">;

describe("result-less templates", () => {
  it("container and script tasks have a typed result", () => {
    workflow({ name: "r" }, () => {
      expectTypeOf(flip().result).toEqualTypeOf<Ref<string>>();
      say({ msg: flip().result });
    });
  });

  it("dag, steps, suspend and resource tasks have a TypeError instead, which no input accepts", () => {
    workflow({ name: "r" }, () => {
      expectTypeOf(inner().result).toEqualTypeOf<NoResult>();
      expectTypeOf(group().result).toEqualTypeOf<NoResult>();
      expectTypeOf(wait().result).toEqualTypeOf<NoResult>();
      expectTypeOf(mk().result).toEqualTypeOf<NoResult>();
      // @ts-expect-error: Type 'WfcTypeError<"this task has no result: ...">' is not assignable to type 'string | Ref<string>'
      say({ msg: inner().result });
      // @ts-expect-error: the same for a suspend task
      say({ msg: wait().result });
    });
  });
});

describe("TaskOptions.extra as a function", () => {
  it("gets the task itself, typed (no any)", () => {
    workflow({ name: "x" }, () => {
      flip(
        {},
        {
          extra: (self) => {
            expectTypeOf(self).toEqualTypeOf<Task<{}, string>>();
            return {};
          },
        },
      );
    });
    expectTypeOf<
      Parameters<Extract<NonNullable<TaskOptions<{}, number>["extra"]>, (s: never) => unknown>>[0]
    >().toEqualTypeOf<Task<{}, number>>();
  });
});

describe("param()", () => {
  it("keeps no literal options in its type (hovers show the schema only)", () => {
    expectTypeOf(param(z.number(), { valueFrom: { path: "/tmp/n" }, description: "n" })).toEqualTypeOf<
      ParamDecl<z.ZodNumber, false>
    >();
    expectTypeOf(param(z.string(), { value: "fixed" })).toEqualTypeOf<ParamDecl<z.ZodString, true>>();
    const t = container(
      { name: "t", outputs: { n: param(z.number(), { valueFrom: { path: "/tmp/n" } }) } },
      { image: "alpine" },
    );
    workflow({ name: "p" }, () => {
      expectTypeOf(t().outputs.n).toEqualTypeOf<Ref<number>>();
    });
  });
});

describe("readable shapes", () => {
  const hello = container(
    {
      name: "hello",
      inputs: { msg: z.string(), times: param(z.number(), { value: "1" }), data: artifact({ path: "/in" }) },
      outputs: { count: param(z.number(), { valueFrom: { path: "/tmp/n" } }), out: artifact({ path: "/out" }) },
    },
    ({ msg }) => ({ image: "alpine", args: [msg] }),
  );
  const rnd = script({ name: "rnd", result: z.number() }, { image: "python", command: ["python"], source: "print(1)" });
  const inner2 = dag({ name: "inner2", inputs: { x: z.string().default("a") } }, () => {
    say({ msg: "x" });
  });

  it("a template holds its input and output value types, not their declarations", () => {
    expectTypeOf(hello).toEqualTypeOf<
      Template<{ msg: string; times?: number; data: Artifact }, { count: number; out: Artifact }, string>
    >();
    expectTypeOf(say).toEqualTypeOf<Template<{ msg: string }, {}, string>>();
    expectTypeOf(rnd).toEqualTypeOf<Template<{}, {}, number>>();
    expectTypeOf(inner2).toEqualTypeOf<Template<{ x?: string }, {}, never>>();
  });

  it("a task holds its output value types; its outputs are references", () => {
    workflow({ name: "s" }, () => {
      const t = hello({ msg: "hi", data: { s3: { key: "k" } } });
      expectTypeOf(t).toEqualTypeOf<Task<{ count: number; out: Artifact }, string>>();
      expectTypeOf(t.outputs.count).toEqualTypeOf<Ref<number>>();
      expectTypeOf(t.outputs.out).toEqualTypeOf<ArtifactRef>();
      hello({ msg: t.outputs.count.toString(), times: t.outputs.count, data: t.outputs.out });
    });
  });

  it("the shapes of declarations are InputsOf / OutputsOf, and a shape's call arguments ArgsOf", () => {
    expectTypeOf<InputsOf<{ msg: z.ZodString; n: ParamDecl<z.ZodNumber, true> }>>().toEqualTypeOf<{
      msg: string;
      n?: number;
    }>();
    expectTypeOf<OutputsOf<{ readonly n: ParamDecl<z.ZodNumber, false> }>>().toEqualTypeOf<{ n: number }>();
    expectTypeOf<ArgsOf<{ msg: string; n?: number }>>().toEqualTypeOf<{
      readonly msg: string | Ref<string>;
      readonly n?: number | Ref<number>;
    }>();
  });
});
