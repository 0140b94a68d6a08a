import type { ArtifactSpec, ParamSpec, TemplateModel } from "../core/model.js";

function lowerParam(p: ParamSpec, asArgument: boolean): Record<string, unknown> {
  const o: Record<string, unknown> = { name: p.name };
  for (const [k, v] of Object.entries(p.fields)) {
    if (asArgument && k === "default" && p.fields.value === undefined) o.value = v;
    else o[k] = v;
  }
  return o;
}

function lowerArtifact(a: ArtifactSpec): Record<string, unknown> {
  return { name: a.name, ...a.fields };
}

/** The `inputs`/`outputs` (or, as arguments, `arguments`) of declared parameters and artifacts; undefined when empty. */
export function lowerIO(io: TemplateModel["inputs"], asArgument = false): Record<string, unknown> | undefined {
  const o: Record<string, unknown> = {};
  if (io.parameters.length) o.parameters = io.parameters.map((p) => lowerParam(p, asArgument));
  if (io.artifacts.length) o.artifacts = io.artifacts.map(lowerArtifact);
  return Object.keys(o).length ? o : undefined;
}
