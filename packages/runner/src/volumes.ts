import type { Template } from "@wfc/sdk/argo";
import type { MountedVolume } from "./executor.js";
import type { RunState } from "./run-state.js";

/** Volumes for the template's mounts (not done yet: none). */
export async function podVolumes(run: RunState, t: Template, podName: string): Promise<MountedVolume[]> {
  void run;
  void t;
  void podName;
  return [];
}
