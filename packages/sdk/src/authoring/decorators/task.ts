import type { ZodType } from "zod";
import { callerLocation } from "../../core/location.js";
import { toDnsName } from "../../core/names.js";
import type { ParamDecl } from "../decl.js";
import { type FunctionScriptOptions, nodeScript } from "../node-script.js";
import { methodAsFunction } from "./method-source.js";
import { checkContext, registerTask } from "./registry.js";
import type { TaskMethodCheck } from "./types.js";

/**
 * A `@task`'s inputs: parameters only (zod schemas or `param()`), since the method receives
 * their values. Artifacts go through `@container` or the builder.
 *
 * @example
 * ```ts
 * const inputs = { x: z.number(), label: param(z.string(), { description: "shown in the UI" }) } satisfies ParamDecls;
 * ```
 */
export type ParamDecls = { readonly [name: string]: ZodType | ParamDecl };

/**
 * Options of `@task`: those of {@link nodeScript} without `run` (the method is the function) and
 * without named `outputs` (the method's return value is the task's `result`).
 *
 * @example
 * ```ts
 * const options: TaskDecoratorOptions<{ x: z.ZodNumber }, z.ZodNumber> = { inputs: { x: z.number() }, result: z.number(), image: "node:22-alpine" };
 * ```
 */
export interface TaskDecoratorOptions<I extends ParamDecls, S extends ZodType | undefined>
  extends Omit<FunctionScriptOptions<I, {}, unknown>, "run" | "outputs" | "result" | "inputs"> {
  /** The template's name. @default the method's name in kebab case (`plusOne` -> `plus-one`) */
  readonly name?: string;
  /** Declared inputs: the method's parameter must be exactly their values. */
  readonly inputs?: I;
  /** Schema of the return value (`outputs.result`): the method's return type must be its type. */
  readonly result?: S;
}

/**
 * Makes a class method a Node.js script task: the method's source becomes a `nodeScript`
 * template (it must be self-contained: no `this`, no outer variables), its parameter receives the
 * typed `inputs`, its return value is `outputs.result`. At compile time the method's parameter
 * type must equal the inputs' types and its return type the `result` schema's type, or the
 * decorator is a type error naming what differs. Call it through {@link tasks}.
 *
 * @example
 * ```ts
 * class Numbers {
 *   @task({ result: z.number() })
 *   randomNumber(): number { return Math.floor(Math.random() * 100); }
 *
 *   @task({ inputs: { x: z.number() }, result: z.number() })
 *   plusOne({ x }: { x: number }): number { return x + 1; }
 * }
 * ```
 */
export function task<const I extends ParamDecls = {}, S extends ZodType | undefined = undefined>(
  options: TaskDecoratorOptions<I, S> = {},
): <M extends (...args: never[]) => unknown>(
  method: M & TaskMethodCheck<M, I, S>,
  context: ClassMethodDecoratorContext & { readonly static: false; readonly private: false },
) => void {
  const location = callerLocation(task);
  return (method, context) => {
    const name = checkContext("@task", context, false, location);
    const template = nodeScript({
      ...options,
      name: options.name ?? toDnsName(name),
      run: methodAsFunction(method) as never,
    } as FunctionScriptOptions<I, {}, unknown>);
    registerTask("@task", method, template, location);
  };
}
