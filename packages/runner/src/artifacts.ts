import type { Artifact, Template } from "@wfc/sdk/argo";
import type { StagedFile } from "./executor.js";
import type { RunState } from "./run-state.js";

/** Input artifacts placed at their paths: `raw` content for now. */
export async function stageInputArtifacts(run: RunState, t: Template, workdir: string): Promise<StagedFile[]> {
  void run;
  void workdir;
  const out: StagedFile[] = [];
  for (const a of t.inputs?.artifacts ?? []) {
    if (!a.path) continue;
    if (a.raw) out.push({ containerPath: a.path, content: a.raw.data });
  }
  return out;
}

/** Output artifacts: recorded by name and path (storage in the local repository is not done yet). */
export async function collectOutputArtifacts(run: RunState, t: Template, podName: string, workdir: string, succeeded: boolean): Promise<Artifact[]> {
  void run;
  void podName;
  void workdir;
  void succeeded;
  return (t.outputs?.artifacts ?? []).map((a) => ({ name: a.name, ...(a.path ? { path: a.path } : {}) }));
}
