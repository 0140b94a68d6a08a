import { type ArgsOf, type Template, workflow } from "@wfc/sdk";
import type { TypedNode } from "./run-result.js";
import { type RunWorkflowOptions, runWorkflow } from "./run-workflow.js";

/**
 * Runs one template on its own, as the only task of a workflow, and returns its node: a unit test
 * of a task (a `nodeScript` runs its real compiled script in-process; a container needs a mock or
 * an engine). The node may have failed: check `phase`.
 *
 * @example
 * ```ts
 * const node = await runTemplate(plusOne, { x: 41 });
 * expect(node.result).toBe(42);
 * ```
 */
export async function runTemplate<I, O, R>(
  template: Template<I, O, R>,
  inputs: ArgsOf<I>,
  options: Omit<RunWorkflowOptions, "parameters"> = {},
): Promise<TypedNode<O, R>> {
  const call = template as unknown as (args: unknown, options: unknown) => unknown;
  const wf = workflow({ generateName: "template-" }, () => {
    call(inputs, { name: template.templateName });
  });
  const run = await runWorkflow(wf, options);
  return run.node(template);
}
