import type { Template } from "@wfc/sdk/argo";
import type { Scope } from "./subst.js";

/** `createScope(tmpl)`: a DAG's or steps template's own inputs as `inputs.parameters.*` / `inputs.artifacts.*`. */
export function createScope(t: Template): Scope {
  const scope: Scope = {};
  for (const p of t.inputs?.parameters ?? []) if (p.value !== undefined) scope[`inputs.parameters.${p.name}`] = p.value;
  for (const a of t.inputs?.artifacts ?? []) scope[`inputs.artifacts.${a.name}`] = a;
  return scope;
}
