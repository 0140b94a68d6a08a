/**
 * # @wfc/sdk/decorators
 *
 * The `@task` / `@flow` style (Prefect's `@task`/`@flow`, Airflow TaskFlow's `@task`/`@dag`) as
 * TC39 standard decorators (TypeScript 5, no `experimentalDecorators`), lowered to the same model
 * as the builder: a decorated pipeline compiles to exactly the manifest of its builder twin.
 *
 * Why this shape. A standard decorator cannot change the type of the member it decorates, so a
 * decorated method keeps its own type: `plusOne(x): number` stays a function returning a number
 * (calling it runs the body, e.g. in a unit test). What returns a task at build time is a
 * different value with its own type, {@link tasks}`(Class)`: its members are the templates the
 * decorators made, typed from the methods' signatures, and the decorators check at compile time
 * that each signature matches its zod schemas, so those types are the schemas' types. Nothing
 * typed as returning a value returns a task.
 * - Tasks are instance methods and flows static methods: the two kinds are told apart by the
 *   type system without reading decorators (which types cannot see). A flow gets the tasks as a
 *   parameter (`t: Tasks<ThisClass>`), not through `this`, whose methods are the plain bodies.
 * - `@container` methods are annotated `: ContainerSpec<Outputs>`: the annotation says "this
 *   returns a spec, the task's result is stdout", and carries the output types to {@link Tasks}.
 * - Every instance method must be a task and every static method a flow (checked when
 *   `tasks()`/`flows()` run), so that the mapped types hold no member that is not what it says.
 *
 * @example
 * ```ts
 * import { z } from "@wfc/sdk";
 * import { task, flow, flows, type Tasks } from "@wfc/sdk/decorators";
 *
 * class Quickstart {
 *   @task({ result: z.number() })
 *   randomNumber(): number { return Math.floor(Math.random() * 100); }
 *
 *   @task({ inputs: { x: z.number() }, result: z.number() })
 *   plusOne({ x }: { x: number }): number { return x + 1; }
 *
 *   @flow({ generateName: "quickstart-" })
 *   static main(t: Tasks<Quickstart>) {
 *     t.plusOne({ x: t.randomNumber().result });
 *   }
 * }
 * export default flows(Quickstart).main;
 * ```
 *
 * @packageDocumentation
 */

export { flows, tasks } from "./accessors.js";
export type { ContainerDecoratorOptions } from "./container.js";
export { container } from "./container.js";
export type { FlowOptions } from "./flow.js";
export { flow } from "./flow.js";
export type { ParamDecls, TaskDecoratorOptions } from "./task.js";
export { task } from "./task.js";
export type { ContainerSpec, Flows, Refs, TaskFactory, Tasks } from "./types.js";
