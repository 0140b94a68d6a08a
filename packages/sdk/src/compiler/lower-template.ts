import type { TaskModel, TemplateModel } from "../core/model.js";
import { checkParamName, checkTemplateName } from "../core/names.js";
import { acceptsUndefined } from "../core/optional-schema.js";
import { Compilation, type Ctx } from "./compilation.js";
import { lowerIO } from "./lower-io.js";
import { lowerTask } from "./lower-task.js";
import { resolve } from "./resolve.js";

/**
 * Lowers one template of `spec.templates`: name and I/O checks, inputs, the DAG (dependencies,
 * cycles) or step groups (step order), outputs and the other fields, in Argo's key order.
 */
export function lowerTemplate(c: Compilation, t: TemplateModel): Record<string, unknown> {
  const where = { template: t.name };
  const ctx: Ctx = { wf: c.wf, template: t, task: undefined, refs: [] };
  const nameProblem = checkTemplateName(t.name);
  if (nameProblem) c.report("E_BAD_NAME", `template name ${nameProblem}`, { ...where, location: t.location });
  const lists = [t.inputs.parameters, t.inputs.artifacts, t.outputs.parameters, t.outputs.artifacts];
  for (let l = 0; l < lists.length; l++) {
    const list = lists[l]!;
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      // Argo checks an output's name after substituting the template's inputs (`result-{{inputs.parameters.x}}`).
      if (l >= 2 && p.name.includes("{{")) continue;
      const why = checkParamName(p.name);
      if (why) c.report("E_BAD_NAME", `input/output ${why}`, { ...where, location: t.location });
    }
  }
  const inputParams = t.inputs.parameters;
  for (let i = 0; i < inputParams.length; i++) {
    const p = inputParams[i]!;
    const f = p.fields;
    if (f.default !== undefined || f.value !== undefined || f.valueFrom !== undefined || !acceptsUndefined(p.schema))
      continue;
    c.report(
      "E_OPTIONAL_INPUT",
      `input "${p.name}" is optional but has no default: Argo requires a value for every input parameter (an omitted one is "inputs.parameters.${p.name} was not supplied"); give it one with .default(...), e.g. z.string().default("")`,
      { ...where, location: t.location },
    );
  }
  for (let i = 0; i < t.problems.length; i++)
    c.problems.push({ ...t.problems[i]!, workflow: c.wfLabel, template: t.name });

  const o: Record<string, unknown> = { name: t.name };
  const inputs = lowerIO(t.inputs);
  if (inputs) o.inputs = resolve(c, ctx, inputs, where);
  if (t.kind === "dag") {
    const style = t.dag!.dependencyStyle;
    for (let i = 0; i < t.tasks!.length; i++) c.graph.place(t.tasks![i]!, i);
    const tasks = t.tasks!.map((task) => lowerTask(c, t, task, style, lowerTemplate));
    const cyc = c.graph.findCycle(t.tasks!);
    if (cyc)
      c.report("E_CYCLE", `dependency cycle: ${cyc.map((x) => x.name).join(" -> ")}`, {
        ...where,
        task: cyc[0]!.name,
        location: cyc[0]!.location,
      });
    o.dag = { ...(resolve(c, ctx, t.dag!.fields, where) as Record<string, unknown>), tasks };
    if (!tasks.length)
      c.report("E_EMPTY_BODY", `DAG template "${t.name}" has no tasks`, { ...where, location: t.location });
  } else if (t.kind === "steps") {
    const seenSoFar = new Set<TaskModel>();
    o.steps = t.steps!.map((group) => {
      const lowered = group.map((task) => {
        return lowerTask(c, t, task, undefined, lowerTemplate);
      });
      for (const task of group) {
        for (const r of stepRefs(c, t, task)) {
          if (!seenSoFar.has(r))
            c.report(
              "E_STEP_ORDER",
              `step "${task.name}" uses an output of step "${r.name}", which does not run before it`,
              { ...where, task: task.name, location: task.location },
            );
        }
      }
      for (const task of group) seenSoFar.add(task);
      return lowered;
    });
  }
  const outputs = lowerIO(t.outputs);
  const fields = resolve(c, ctx, t.fields, where) as Record<string, unknown>;
  if (outputs) o.outputs = resolve(c, ctx, outputs, where);
  const body = o.dag ?? o.steps;
  if (body !== undefined) {
    // keep name, inputs, outputs first, then the body
    delete o.dag;
    delete o.steps;
    o[t.kind] = body;
  }
  Object.assign(o, fields);
  return o;
}

function stepRefs(c: Compilation, t: TemplateModel, task: TaskModel): TaskModel[] {
  const ctx: Ctx = { wf: c.wf, template: t, task, refs: [] };
  const probe = new Compilation(c.wf);
  resolve(
    probe,
    ctx,
    [
      task.parameters.map((p) => p[1]),
      task.artifacts.map((a) => a[1]),
      task.when,
      task.loop?.kind === "withParam" ? task.loop.value : undefined,
      task.fields,
    ],
    {},
  );
  return ctx.refs;
}
