import { describe, expectTypeOf, it } from "vitest";
import {
  type ArtifactRef,
  outputFromPath,
  type Ref,
  type Task,
  type Value,
  type WorkflowObject,
  workflow,
  z,
} from "../../index.js";
import { artifact } from "../decl.js";
import { type ContainerSpec, container, flow, flows, type Refs, type Tasks, task, tasks } from "./index.js";

class Pipeline {
  @task({ result: z.number() })
  randomNumber(): number {
    return 4;
  }

  @task({ inputs: { x: z.number(), label: z.string().default("n") }, result: z.number() })
  plusOne({ x }: { x: number; label?: string }): number {
    return x + 1;
  }

  @task({ inputs: { xs: z.array(z.number()) } })
  async total({ xs }: { xs: number[] }): Promise<{ sum: number }> {
    return { sum: xs.reduce((a, b) => a + b, 0) };
  }

  @container({
    inputs: { msg: z.string(), data: artifact({ path: "/in" }) },
    outputs: { n: outputFromPath(z.number(), "/tmp/n"), out: artifact({ path: "/out" }) },
  })
  count({ msg }: Refs<{ msg: string }> & { data: ArtifactRef }): ContainerSpec<{ n: number; out: ArtifactRef }> {
    return { image: "alpine", args: [msg] };
  }

  @container({ result: z.number() })
  seven(): ContainerSpec<{}, number> {
    return { image: "alpine", command: ["echo", "7"] };
  }

  @flow({ generateName: "p-", parameters: { start: z.number() } })
  static main(t: Tasks<Pipeline>, { start }: Refs<{ start: number }>) {
    t.plusOne({ x: start });
  }
}

describe("decorated methods keep their own, honest types", () => {
  it("a @task method is still the function that returns its value", () => {
    expectTypeOf(new Pipeline().plusOne).toEqualTypeOf<({ x }: { x: number; label?: string }) => number>();
    expectTypeOf(new Pipeline().plusOne({ x: 1 })).toEqualTypeOf<number>();
  });

  it("tasks(Class) maps each method to a template returning a Task with typed Refs", () => {
    const t = tasks(Pipeline);
    workflow({ name: "w" }, () => {
      const r = t.randomNumber();
      expectTypeOf(r).toEqualTypeOf<Task<{}, number>>();
      expectTypeOf(r.result).toEqualTypeOf<Ref<number>>();
      const p = t.plusOne({ x: r.result });
      expectTypeOf(p.result).toEqualTypeOf<Ref<number>>();
      expectTypeOf(t.plusOne)
        .parameter(0)
        .toEqualTypeOf<{ readonly x: Value<number>; readonly label?: Value<string> }>();
      expectTypeOf(t.total({ xs: [1, 2] }).result).toEqualTypeOf<Ref<{ sum: number }>>();
      const c = t.count({ msg: "hi", data: { raw: { data: "x" } } });
      expectTypeOf(c.outputs.n).toEqualTypeOf<Ref<number>>();
      expectTypeOf(c.outputs.out).toEqualTypeOf<ArtifactRef>();
      expectTypeOf(c.result).toEqualTypeOf<Ref<string>>();
      expectTypeOf(t.seven().result).toEqualTypeOf<Ref<number>>();
    });
  });

  it("a task factory is a template: usable wherever one is (onExit, templates, hooks)", () => {
    workflow({ name: "w", onExit: tasks(Pipeline).randomNumber, templates: [tasks(Pipeline).seven] }, () => {
      tasks(Pipeline).randomNumber();
    });
  });

  it("flows(Class) maps each @flow static method to a workflow object", () => {
    expectTypeOf(flows(Pipeline).main).toEqualTypeOf<WorkflowObject>();
    // @ts-expect-error: not a flow
    void flows(Pipeline).other;
  });
});

describe("mistakes are compile errors", () => {
  it("a wrong argument type, a missing argument and a misspelt task", () => {
    const t = tasks(Pipeline);
    workflow({ name: "w" }, () => {
      // @ts-expect-error: x is a number
      t.plusOne({ x: "one" });
      // @ts-expect-error: a Ref<string> where a number is declared
      t.plusOne({ x: t.count({ msg: "a", data: { raw: { data: "" } } }).result });
      // @ts-expect-error: x is required
      t.plusOne({});
      // @ts-expect-error: Property 'plusOn' does not exist. Did you mean 'plusOne'?
      t.plusOn({ x: 1 });
      // @ts-expect-error: no such output
      void t.count({ msg: "a", data: { raw: { data: "" } } }).outputs.m;
    });
  });

  it("a method whose signature disagrees with its schemas", () => {
    class Bad {
      // @ts-expect-error: "@task: the method's parameter type must match its `inputs`"
      @task({ inputs: { x: z.number() }, result: z.number() })
      wrongParam({ x }: { x: string }): number {
        return Number(x);
      }

      // @ts-expect-error: the parameter names an input that is not declared
      @task({ inputs: { x: z.number() } })
      extraInput({ x, y }: { x: number; y: number }): number {
        return x + y;
      }

      // @ts-expect-error: "@task: the method's return type must match `result`"
      @task({ inputs: { x: z.number() }, result: z.number() })
      wrongReturn({ x }: { x: number }): string {
        return String(x);
      }

      // @ts-expect-error: "@task: only inputs with a default may be optional in the method's parameter"
      @task({ inputs: { x: z.number() } })
      optionalNoDefault({ x }: { x?: number }): number {
        return x ?? 0;
      }

      // @ts-expect-error: "@container: annotate the method's return type as ContainerSpec"
      @container({ inputs: { msg: z.string() } })
      noAnnotation({ msg }: Refs<{ msg: string }>) {
        return { image: "busybox", args: [msg] };
      }

      // @ts-expect-error: "@container: the method's parameter type must match its `inputs`" (values, not Refs)
      @container({ inputs: { msg: z.string() } })
      valuesNotRefs({ msg }: { msg: string }): ContainerSpec {
        return { image: "busybox", args: [msg] };
      }

      // @ts-expect-error: "@container: ContainerSpec<O> must name the declared `outputs`"
      @container({ outputs: { n: outputFromPath(z.number(), "/tmp/n") } })
      wrongOutputs(): ContainerSpec<{ n: string }> {
        return { image: "busybox" };
      }

      // @ts-expect-error: "@task: a @task method returns its result value, not a ContainerSpec"
      @task()
      specFromTask(): ContainerSpec {
        return { image: "busybox" };
      }

      // @ts-expect-error: @task on a static method (static methods are flows)
      @task()
      static notStatic(): void {}

      // @ts-expect-error: "@flow: use it on a static method"
      @flow({ name: "x" })
      notAFlow(t: Tasks<Bad>): void {
        void t;
      }

      // @ts-expect-error: "@flow: the first parameter must be Tasks<ThisClass>"
      @flow({ name: "y" })
      static wrongTasks(t: Tasks<Date>): void {
        void t;
      }

      // @ts-expect-error: "@flow: the second parameter must take the workflow's `parameters` as references"
      @flow({ name: "z", parameters: { n: z.number() } })
      static wrongParams(t: Tasks<Bad>, { n }: Refs<{ n: string }>): void {
        void t;
        void n;
      }
    }
    void Bad;
  });
});
