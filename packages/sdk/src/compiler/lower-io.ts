import type { ArtifactSpec, ParamSpec, TemplateModel } from "../core/model.js";

function lowerParam(p: ParamSpec, asArgument: boolean): Record<string, unknown> {
  const o: Record<string, unknown> = { name: p.name };
  const fields = p.fields;
  for (const k in fields) {
    if (!Object.hasOwn(fields, k)) continue;
    const v = fields[k];
    if (asArgument && k === "default" && fields.value === undefined) o.value = v;
    else o[k] = v;
  }
  return o;
}

function lowerArtifact(a: ArtifactSpec): Record<string, unknown> {
  return { name: a.name, ...a.fields };
}

/** The `inputs`/`outputs` (or, as arguments, `arguments`) of declared parameters and artifacts; undefined when empty. */
export function lowerIO(io: TemplateModel["inputs"], asArgument = false): Record<string, unknown> | undefined {
  if (!io.parameters.length && !io.artifacts.length) return undefined;
  const o: Record<string, unknown> = {};
  if (io.parameters.length) o.parameters = io.parameters.map((p) => lowerParam(p, asArgument));
  if (io.artifacts.length) o.artifacts = io.artifacts.map(lowerArtifact);
  return o;
}
