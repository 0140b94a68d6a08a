/** Template options, and templates without a body of tasks (container, script, resource, ...). */
import { ioDecls } from "./declarations.js";
import { unsupported } from "./errors.js";
import { type Gen, inputScope, paramsPattern } from "./generation.js";
import { conv } from "./placeholders.js";
import type { TemplateInfo } from "./plan.js";
import { arrow, type Code, call, obj, str } from "./printer.js";
import { isObj } from "./values.js";

export function templateOptions(g: Gen, t: TemplateInfo, extra: [string, Code][] = []): Code {
  const y = t.yaml;
  const entries: [string, Code][] = [["name", str([t.name])]];
  const inputs = ioDecls(g.m, y.inputs, "input", `${g.where}: template "${t.name}"`, t.omitted);
  if (inputs) entries.push(["inputs", inputs]);
  const outputs = ioDecls(g.m, y.outputs, "output", `${g.where}: template "${t.name}"`, undefined, t.outArtKeys);
  if (outputs) entries.push(["outputs", outputs]);
  entries.push(...extra);
  for (const [k, v] of Object.entries(y)) {
    if (["name", "inputs", "outputs", t.kind].includes(k)) continue;
    if (["dependencyStyle", "target", "templateFailFast"].includes(k) && (t.kind === "dag" || t.kind === "steps"))
      unsupported(`${g.where}: template "${t.name}"`, `template field "${k}" clashes with a ${t.kind}() option`);
    // A DAG's own `failFast` is `dag.failFast`; the template field of that name is `templateFailFast`.
    entries.push([k === "failFast" && t.kind === "dag" ? "templateFailFast" : k, conv(v, undefined)]);
  }
  return obj(entries);
}

export function leafTemplate(g: Gen, t: TemplateInfo): Code {
  const names = g.m.names.child();
  const scope = inputScope(g, t, names, undefined);
  const body = t.yaml[t.kind];
  const factory = g.m.use(t.kind);
  const spec = conv(body, scope);
  const options = templateOptions(g, t);
  if (t.kind === "suspend" && isObj(body) && !Object.keys(body).length) return call(factory, [options]);
  if (!scope.usedInputs.size) return call(factory, [options, spec]);
  return call(factory, [options, arrow(paramsPattern(scope), spec)]);
}
