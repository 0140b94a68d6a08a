import type { Artifact, Parameter } from "@wfc/sdk/argo";
import type { RunState } from "./run-state.js";

/** `addParamToGlobalScope`: an output parameter with `globalName` becomes `workflow.outputs.parameters.<globalName>` and a `status.outputs` parameter. */
export function addParamToGlobalScope(run: RunState, p: Parameter): void {
  if (!p.globalName) return;
  if (p.value !== undefined) run.global[`workflow.outputs.parameters.${p.globalName}`] = p.value;
  const list = (run.outputs.parameters ??= []);
  const entry: Parameter = { name: p.globalName, ...(p.value !== undefined ? { value: p.value } : {}) };
  const i = list.findIndex((x) => x.name === p.globalName);
  if (i >= 0) list[i] = entry;
  else list.push(entry);
}

/** `addArtifactToGlobalScope`. */
export function addArtifactToGlobalScope(run: RunState, a: Artifact): void {
  if (!a.globalName) return;
  const { globalName, path: _path, ...rest } = a;
  void _path;
  const entry: Artifact = { ...rest, name: globalName };
  run.global[`workflow.outputs.artifacts.${globalName}`] = entry;
  const list = (run.outputs.artifacts ??= []);
  const i = list.findIndex((x) => x.name === globalName);
  if (i >= 0) list[i] = entry;
  else list.push(entry);
}
