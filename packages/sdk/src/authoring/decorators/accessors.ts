import { AuthoringError, type SourceLocation } from "../../core/errors.js";
import { callerLocation } from "../../core/location.js";
import type { AnyTemplate } from "../types.js";
import { flowsOf, templateOf } from "./registry.js";
import type { Flows, Tasks } from "./types.js";

type Class = abstract new (...args: never[]) => object;

const cache = new WeakMap<Function, Readonly<Record<string, AnyTemplate>>>();

/** The methods a class defines on its prototype (its instance methods), by name. */
function instanceMethods(cls: Class): [string, Function][] {
  const out: [string, Function][] = [];
  for (const key of Object.getOwnPropertyNames(cls.prototype)) {
    if (key === "constructor") continue;
    const d = Object.getOwnPropertyDescriptor(cls.prototype, key);
    if (d && typeof d.value === "function") out.push([key, d.value as Function]);
  }
  return out;
}

/** Names of an instance's own function-valued fields, when the class can be constructed without arguments. */
function fieldFunctions(cls: Class): string[] {
  let instance: object;
  try {
    instance = Reflect.construct(cls, []) as object;
  } catch {
    return [];
  }
  return Object.keys(instance).filter((k) => typeof (instance as Record<string, unknown>)[k] === "function");
}

/**
 * The typed task factories of a decorated class: `tasks(Pipeline).plusOne` is the template the
 * `@task` (or `@container`) decorator made from `Pipeline.prototype.plusOne`; call it inside a
 * workflow, `dag()` or `steps()` body to create a task with typed `Ref` outputs. Every instance
 * method of the class must be decorated (an undecorated one would be typed as a task factory but
 * is none): helpers go outside the class, or are `#private`.
 *
 * @example
 * ```ts
 * const t = tasks(Numbers);
 * export default workflow({ generateName: "numbers-" }, () => {
 *   t.plusOne({ x: t.randomNumber().result });
 * });
 * ```
 */
export function tasks<C extends Class>(cls: C): Tasks<InstanceType<C>> {
  return tasksAt(cls, cache.has(cls) ? undefined : callerLocation(tasks));
}

/**
 * The class's name as written: esbuild (tsx) lowers a decorated class `Num` to an inner class
 * `_Num`, so one leading underscore is dropped when the name has it.
 */
export function className(cls: Function): string {
  return cls.name.replace(/^_(?=.)/, "");
}

/** {@link tasks}, with the location to blame given (a `@flow` decorator's, when a flow asks). */
export function tasksAt<C extends Class>(cls: C, location: SourceLocation | undefined): Tasks<InstanceType<C>> {
  const hit = cache.get(cls);
  if (hit) return hit as unknown as Tasks<InstanceType<C>>;
  if (typeof cls !== "function" || !cls.prototype)
    throw new AuthoringError(
      "E_NOT_A_CLASS",
      "tasks() takes a class whose methods carry @task or @container",
      location,
    );
  const out: Record<string, AnyTemplate> = {};
  const undecorated: string[] = [];
  for (const [name, method] of instanceMethods(cls)) {
    const t = templateOf(method);
    if (t) out[name] = t;
    else undecorated.push(name);
  }
  // Function-valued instance fields (`helper = () => 1`) are typed as tasks too but live on
  // instances only: make one to see them (a pipeline class has no constructor to speak of).
  for (const name of fieldFunctions(cls)) undecorated.push(name);
  if (undecorated.length) {
    throw new AuthoringError(
      "E_UNDECORATED_METHOD",
      `class ${className(cls)}: ${undecorated.map((n) => `${n}()`).join(", ")} ${undecorated.length > 1 ? "have" : "has"} no @task or @container decorator; every instance method of a pipeline class is a task (move helpers out of the class or make them #private)`,
      location,
    );
  }
  const frozen = Object.freeze(out);
  cache.set(cls, frozen);
  return frozen as unknown as Tasks<InstanceType<C>>;
}

/**
 * The workflow objects of a decorated class, one per `@flow` static method, by method name.
 * Export them (`export default flows(Pipeline).main`) for `wfc build`.
 *
 * @example
 * ```ts
 * export default flows(Quickstart).main;
 * ```
 */
export function flows<C extends Class>(cls: C): Flows<C> {
  const location = callerLocation(flows);
  const found = flowsOf(cls);
  const statics = Object.getOwnPropertyNames(cls).filter(
    (k) => typeof Object.getOwnPropertyDescriptor(cls, k)?.value === "function",
  );
  const undecorated = statics.filter((k) => !found?.has(k));
  if (undecorated.length) {
    throw new AuthoringError(
      "E_UNDECORATED_METHOD",
      `class ${className(cls)}: static ${undecorated.map((n) => `${n}()`).join(", ")} ${undecorated.length > 1 ? "have" : "has"} no @flow decorator; every static method of a pipeline class is a workflow body`,
      location,
    );
  }
  if (!found?.size)
    throw new AuthoringError("E_NO_FLOW", `class ${className(cls)} has no @flow static method`, location);
  return Object.freeze(Object.fromEntries(found)) as unknown as Flows<C>;
}
