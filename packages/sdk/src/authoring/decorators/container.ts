import type { ZodType } from "zod";
import { callerLocation } from "../../core/location.js";
import { toDnsName } from "../../core/names.js";
import type { Decls } from "../decl.js";
import { container as containerTemplate, type TemplateOptions } from "../factories.js";
import { checkContext, registerTask } from "./registry.js";
import type { ContainerMethodCheck } from "./types.js";

/**
 * Options of `@container`: those of the {@link containerTemplate | container} factory, with the
 * name defaulting to the method's.
 *
 * @example
 * ```ts
 * const options: ContainerDecoratorOptions<{ msg: z.ZodString }, {}, undefined> = { inputs: { msg: z.string() }, retryStrategy: { limit: 2 } };
 * ```
 */
export type ContainerDecoratorOptions<I extends Decls, O extends Decls, S extends ZodType | undefined> = Omit<
  TemplateOptions<I, O>,
  "name"
> & {
  /** The template's name. @default the method's name in kebab case (`sayHello` -> `say-hello`) */
  readonly name?: string;
  /** Schema of `outputs.result` (the container's stdout). @default a string */
  readonly result?: S;
};

/**
 * Makes a class method a container task: at build time the method gets references to its typed
 * inputs and returns the container spec (image, command, args...); strings holding references
 * become Argo expressions. The method's return type must be annotated {@link ContainerSpec}
 * (`ContainerSpec<Outputs>` when the template declares outputs): the decorator checks its
 * parameter against `inputs` and the spec's type arguments against `outputs` and `result`.
 *
 * @example
 * ```ts
 * class Greetings {
 *   @container({ inputs: { msg: z.string() } })
 *   say({ msg }: Refs<{ msg: string }>): ContainerSpec {
 *     return { image: "busybox", command: ["echo"], args: [msg] };
 *   }
 * }
 * ```
 */
export function container<
  const I extends Decls = {},
  const O extends Decls = {},
  S extends ZodType | undefined = undefined,
>(
  options: ContainerDecoratorOptions<I, O, S> = {},
): <M extends (...args: never[]) => unknown>(
  method: M & ContainerMethodCheck<M, I, O, S>,
  context: ClassMethodDecoratorContext & { readonly static: false; readonly private: false },
) => void {
  const location = callerLocation(container);
  return (method, context) => {
    const name = checkContext("@container", context, false, location);
    const spec = (inputs: unknown) => (method as unknown as (inputs: unknown) => never).call(undefined, inputs);
    const template = containerTemplate(
      { ...options, name: options.name ?? toDnsName(name) } as TemplateOptions<I, O>,
      spec,
    );
    registerTask("@container", method, template, location);
  };
}
