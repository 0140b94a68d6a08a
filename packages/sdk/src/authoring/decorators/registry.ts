import { AuthoringError, type SourceLocation } from "../../core/errors.js";
import type { AnyTemplate } from "../types.js";
import type { WorkflowObject } from "../workflow.js";

/**
 * What the decorators record. A method decorator sees the method but not its class, so tasks are
 * keyed by the method function (the very function the class keeps on its prototype); flows are
 * built when their class is defined and kept by class.
 */
const templateOfMethod = new WeakMap<Function, AnyTemplate>();
const flowsOfClass = new WeakMap<Function, Map<string, WorkflowObject>>();

/** The kinds of decorator, for messages. */
export type DecoratorName = "@task" | "@container" | "@flow";

/** Checks the decorator is on the kind of member it supports (TypeScript checks this too). */
export function checkContext(
  who: DecoratorName,
  context: ClassMethodDecoratorContext,
  wantStatic: boolean,
  location: SourceLocation | undefined,
): string {
  const name = String(context.name);
  if (context.kind !== "method")
    throw new AuthoringError(
      "E_DECORATOR_TARGET",
      `${who} decorates methods, not a ${String(context.kind)} (${name})`,
      location,
    );
  if (context.private)
    throw new AuthoringError(
      "E_DECORATOR_TARGET",
      `${who} cannot decorate the private method ${name}: tasks(Class) and flows(Class) map public methods`,
      location,
    );
  if (context.static !== wantStatic) {
    const msg = wantStatic
      ? `@flow decorates a static method (static ${name}(t: Tasks<ThisClass>) {...}): the tasks are the instance methods`
      : `${who} decorates an instance method, not the static method ${name}: static methods are @flow bodies`;
    throw new AuthoringError("E_DECORATOR_TARGET", msg, location);
  }
  return name;
}

/** Records the template a task decorator made from `method`. */
export function registerTask(
  who: DecoratorName,
  method: Function,
  template: AnyTemplate,
  location: SourceLocation | undefined,
): void {
  if (templateOfMethod.has(method))
    throw new AuthoringError(
      "E_TWO_DECORATORS",
      `${who}: method ${method.name} already has a @task or @container decorator`,
      location,
    );
  templateOfMethod.set(method, template);
}

/** The template made from `method`, if it was decorated. */
export function templateOf(method: Function): AnyTemplate | undefined {
  return templateOfMethod.get(method);
}

/** Records a workflow a `@flow` method made on its class. */
export function registerFlow(cls: Function, name: string, wf: WorkflowObject): void {
  let m = flowsOfClass.get(cls);
  if (!m) flowsOfClass.set(cls, (m = new Map()));
  m.set(name, wf);
}

/** The workflows `@flow` methods made on `cls`, by method name. */
export function flowsOf(cls: Function): ReadonlyMap<string, WorkflowObject> | undefined {
  return flowsOfClass.get(cls);
}
