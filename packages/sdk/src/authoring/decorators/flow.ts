import { AuthoringError, formatLocation, type SourceLocation } from "../../core/errors.js";
import { callerLocation } from "../../core/location.js";
import type { Decls, InputRefs } from "../decl.js";
import {
  type CronWorkflowOptions,
  clusterWorkflowTemplate,
  cronWorkflow,
  type WorkflowObject,
  type WorkflowOptions,
  workflow,
  workflowTemplate,
} from "../workflow.js";
import { className, tasksAt } from "./accessors.js";
import { checkContext, registerFlow } from "./registry.js";
import type { FlowMethodCheck } from "./types.js";

/**
 * Options of `@flow`: a workflow's options, plus `kind` for a (Cluster)WorkflowTemplate; with
 * `schedules` it is a CronWorkflow (Airflow's `@dag(schedule=...)`).
 *
 * @example
 * ```ts
 * const daily: FlowOptions = { name: "daily-report", schedules: ["@daily"] };
 * const lib: FlowOptions = { name: "lib", kind: "WorkflowTemplate" };
 * ```
 */
export type FlowOptions<P extends Decls = {}> =
  | (WorkflowOptions<P> & {
      readonly kind?: "Workflow" | "WorkflowTemplate" | "ClusterWorkflowTemplate";
      readonly schedules?: undefined;
    })
  | (CronWorkflowOptions<P> & { readonly kind?: "CronWorkflow" });

/**
 * Makes a static method the body of a workflow: it gets the class's {@link Tasks} (the typed task
 * factories of its decorated instance methods) and the workflow's parameters as references, and
 * runs once, when the class is defined, to record the tasks, exactly like a `workflow()` body.
 * The workflow object is `flows(Class).method`; export it for `wfc build`.
 *
 * @example
 * ```ts
 * class Quickstart {
 *   @task({ inputs: { x: z.number() }, result: z.number() })
 *   plusOne({ x }: { x: number }): number { return x + 1; }
 *
 *   @flow({ generateName: "quickstart-", parameters: { start: z.number().default(1) } })
 *   static main(t: Tasks<Quickstart>, { start }: Refs<{ start: number }>) {
 *     t.plusOne({ x: start });
 *   }
 * }
 * export default flows(Quickstart).main;
 * ```
 */
export function flow<const P extends Decls = {}>(
  options: FlowOptions<P>,
): <C, M extends (...args: never[]) => unknown>(
  method: M & FlowMethodCheck<C, M, P>,
  context: ClassMethodDecoratorContext<C> & { readonly static: true; readonly private: false },
) => void {
  const location = callerLocation(flow);
  return (method, context) => {
    const name = checkContext("@flow", context as unknown as ClassMethodDecoratorContext, true, location);
    context.addInitializer(function (this: unknown) {
      // Runs once the class is defined (every method decorator has run): record the body now.
      const cls = this as abstract new () => object;
      const accessor = tasksAt(cls, location);
      let inBody = false;
      const body = (params: InputRefs<P>) => {
        inBody = true;
        try {
          (method as unknown as (t: unknown, p: unknown) => unknown).call(cls, accessor, params);
        } finally {
          inBody = false;
        }
      };
      let wf: WorkflowObject;
      try {
        if ("schedules" in options && options.schedules) wf = cronWorkflow(options as CronWorkflowOptions<P>, body);
        else {
          const { kind, ...rest } = options as WorkflowOptions<P> & { kind?: string };
          const make =
            kind === "WorkflowTemplate"
              ? workflowTemplate
              : kind === "ClusterWorkflowTemplate"
                ? clusterWorkflowTemplate
                : kind === undefined || kind === "Workflow"
                  ? workflow
                  : undefined;
          if (!make)
            throw new AuthoringError(
              "E_FLOW_KIND",
              `@flow on ${className(cls)}.${name}: unknown kind "${kind}" (Workflow, WorkflowTemplate, ClusterWorkflowTemplate; give schedules for a CronWorkflow)`,
              location,
            );
          wf = make(rest as WorkflowOptions<P>, body);
        }
      } catch (e) {
        // Errors from the body carry the user's line already; the workflow's own (a missing
        // name...) would point into the decorator helpers, so they are blamed on the `@flow`.
        throw inBody ? e : relocate(e, location);
      }
      registerFlow(cls, name, wf);
    });
  };
}

function relocate(e: unknown, location: SourceLocation | undefined): unknown {
  if (!(e instanceof AuthoringError) || !location) return e;
  const prefix = e.location ? `${formatLocation(e.location)}: ` : "";
  return new AuthoringError(
    e.code,
    prefix && e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message,
    location,
  );
}
