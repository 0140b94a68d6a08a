// Templates without a result (dag, steps, suspend, resource) have none in their types: using
// `.result` of their tasks is a compile error whose message says why.
import { describe, expectTypeOf, it } from "vitest";
import {
  container,
  dag,
  type ParamDecl,
  param,
  type Ref,
  resource,
  script,
  steps,
  suspend,
  type Task,
  type TaskOptions,
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
