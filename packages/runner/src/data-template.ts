import { readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Artifact, Template } from "@wfc/sdk/argo";
import { artifactKey, repoRoot } from "./artifacts.js";
import type { PodResult } from "./executor.js";
import type { RunState } from "./run-state.js";
import { evaluateWithEnv } from "./subst.js";

async function listKeys(root: string, key: string): Promise<string[]> {
  const base = join(root, key);
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(relative(root, p));
    }
  };
  const s = await stat(base).catch(() => undefined);
  if (!s) throw new Error(`unable to source artifact paths: ${key} is not in the local artifact repository`);
  if (s.isDirectory()) await walk(base);
  else out.push(key);
  return out.sort();
}

/**
 * A `data` template, as Argo's executor runs it (workflow/data): the object keys under
 * `source.artifactPaths` (listed in the local repository), then each `transformation` expression
 * with `data` bound to the value so far; the result is `outputs.result` (JSON).
 */
export async function runDataTemplate(run: RunState, t: Template): Promise<PodResult> {
  const d = t.data;
  if (!d) throw new Error("not a data template");
  let data: unknown;
  try {
    const src = d.source.artifactPaths as Artifact | undefined;
    if (!src) throw new Error("unable to process data source: no valid source is used for data template");
    const key = artifactKey(src);
    if (key === undefined) throw new Error("unable to process data source: artifactPaths has no repository key");
    data = await run.io(listKeys(repoRoot(run), key));
    for (const [i, step] of (d.transformation ?? []).entries()) {
      if (!step.expression) continue;
      try {
        data = evaluateWithEnv(step.expression, { data });
      } catch (e) {
        throw new Error(
          `unable to process data transformation: error processing data step ${i}: ${(e as Error).message}`,
        );
      }
    }
  } catch (e) {
    return { exitCode: 1, stdout: "", phase: "Error", message: (e as Error).message };
  }
  return { exitCode: 0, stdout: JSON.stringify(data) };
}
