import type { Outputs, Parameter, Template } from "@wfc/sdk/argo";
import type { RunState } from "./run-state.js";
import type { Scope } from "./subst.js";
import { evaluateExpression, substituteText } from "./subst.js";

/** `getTemplateOutputsFromScope`: a DAG's or steps template's outputs, from `valueFrom.parameter`/`expression` (or `default`). */
export function templateOutputs(run: RunState, t: Template, scope: Scope): Outputs | undefined {
  void run;
  const o = t.outputs;
  if (!o || (!o.parameters?.length && !o.artifacts?.length && o.result === undefined && o.exitCode === undefined))
    return undefined;
  const outputs: Outputs = {};
  if (o.parameters?.length) {
    outputs.parameters = o.parameters.map((p): Parameter => {
      const vf = p.valueFrom;
      if (!vf) throw new Error("output parameters must have a valueFrom specified");
      let value: string | undefined;
      try {
        if (vf.parameter !== undefined)
          value = substituteText(vf.parameter, scope, { what: `outputs.parameters.${p.name}` });
        else if (vf.expression !== undefined) {
          const v = evaluateExpression(vf.expression, scope);
          value = typeof v === "string" ? v : JSON.stringify(v);
        } else if (vf.supplied !== undefined) value = undefined;
        else throw new Error(`outputs.parameters.${p.name}: valueFrom has no parameter or expression`);
      } catch (e) {
        if (vf.default === undefined) throw e;
        value = vf.default;
      }
      if (value === undefined) {
        if (vf.default === undefined) throw new Error(`outputs.parameters.${p.name} has no value`);
        value = vf.default;
      }
      const { valueFrom: _vf, ...rest } = p;
      void _vf;
      return { ...rest, value };
    });
  }
  if (o.artifacts?.length) {
    outputs.artifacts = [];
    for (const a of o.artifacts) {
      if (a.from) {
        const ref = a.from.replace(/^\{\{\s*|\s*\}\}$/g, "");
        const art = scope[ref];
        if (art && typeof art === "object")
          outputs.artifacts.push({
            ...(art as object),
            name: a.name,
            ...(a.globalName ? { globalName: a.globalName } : {}),
          } as typeof a);
        else if (!a.optional) throw new Error(`Unable to resolve: ${a.from}`);
      } else if (a.fromExpression) {
        const art = evaluateExpression(a.fromExpression, scope);
        if (art && typeof art === "object") outputs.artifacts.push({ ...(art as object), name: a.name } as typeof a);
        else if (!a.optional) throw new Error(`Unable to resolve: ${a.fromExpression}`);
      }
    }
  }
  return outputs;
}
