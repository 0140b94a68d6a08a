import { execFile } from "node:child_process";
import { mkdir, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import type { Arguments, Artifact, Template } from "@wfc/sdk/argo";
import { archiveOf, loadArchived, saveArchived } from "./artifact-archive.js";
import type { StagedFile } from "./executor.js";
import { addArtifactToGlobalScope } from "./global-outputs.js";
import type { RunState } from "./run-state.js";
import type { Scope } from "./subst.js";
import { evaluateExpression } from "./subst.js";

/** The local artifact repository: `options.artifactRepo`, else `<runDir>/artifacts`. */
export function repoRoot(run: RunState): string {
  return run.options.artifactRepo ?? join(run.runDir, "artifacts");
}

const locations = ["s3", "gcs", "azure", "oss", "hdfs", "artifactory", "huggingface"] as const;

/** The key of an artifact's location in any repository type (`s3.key`, `gcs.key`, `azure.blob`, `hdfs.path`, ...). */
export function artifactKey(a: Artifact): string | undefined {
  const x = a as unknown as Record<string, unknown>;
  for (const l of locations) {
    const loc = x[l] as Record<string, unknown> | undefined;
    if (!loc) continue;
    const k =
      loc.key ??
      loc.blob ??
      loc.path ??
      (typeof loc.url === "string" ? new URL(loc.url).pathname.replace(/^\//, "") : undefined);
    if (typeof k === "string") return k;
  }
  return undefined;
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** `from` / `fromExpression` of arguments: the referenced artifact (from scope), named as the argument. */
export function resolveArgumentArtifacts(args: Arguments | undefined, scope: Scope): Arguments | undefined {
  if (!args?.artifacts?.length) return args;
  const out: Artifact[] = [];
  for (const a of args.artifacts) {
    if (!a.from && !a.fromExpression) {
      out.push(a);
      continue;
    }
    let found: unknown;
    if (a.from) found = scope[a.from.replace(/^\{\{\s*/, "").replace(/\s*\}\}$/, "")];
    else {
      try {
        found = evaluateExpression(a.fromExpression ?? "", scope);
      } catch (e) {
        if (a.optional) continue;
        throw new Error(`unable to resolve references: artifact ${a.name}: ${(e as Error).message}`);
      }
    }
    if (!found || typeof found !== "object") {
      if (a.optional) continue;
      throw new Error(`unable to resolve references: Unable to resolve: ${a.from ?? a.fromExpression}`);
    }
    const { name: _n, globalName: _g, path: _p, ...loc } = found as Artifact;
    void _n;
    void _g;
    void _p;
    out.push({ ...loc, name: a.name, ...(a.subPath ? { subPath: a.subPath } : {}) } as Artifact);
  }
  return { ...args, artifacts: out };
}

/**
 * Input artifacts placed at their paths: `raw` content, `http` fetched, `git` cloned, and
 * repository locations (s3/gcs/azure/... keys) read from the local repository (`subPath` within).
 */
export async function stageInputArtifacts(run: RunState, t: Template, workdir: string): Promise<StagedFile[]> {
  const out: StagedFile[] = [];
  for (const a of t.inputs?.artifacts ?? []) {
    if (!a.path) continue;
    if (a.raw) {
      out.push({ containerPath: a.path, content: a.raw.data, ...(a.mode !== undefined ? { mode: a.mode } : {}) });
      continue;
    }
    if (a.http) {
      const res = await fetch(a.http.url, {
        headers: Object.fromEntries((a.http.headers ?? []).map((h) => [h.name, h.value])),
      });
      if (!res.ok) throw new Error(`input artifact ${a.name}: GET ${a.http.url}: ${res.status} ${res.statusText}`);
      const file = join(workdir, "inputs", a.name);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, Buffer.from(await res.arrayBuffer()));
      out.push({ containerPath: a.path, hostPath: file, ...(a.mode !== undefined ? { mode: a.mode } : {}) });
      continue;
    }
    if (a.git) {
      const dir = join(workdir, "inputs", a.name);
      const git = promisify(execFile);
      await git("git", ["clone", ...(a.git.depth ? ["--depth", String(a.git.depth)] : []), a.git.repo, dir]).catch(
        (e: Error) => {
          throw new Error(`input artifact ${a.name}: git clone ${a.git?.repo}: ${e.message.split("\n")[0]}`);
        },
      );
      if (a.git.revision) await git("git", ["-C", dir, "checkout", a.git.revision]);
      out.push({ containerPath: a.path, hostPath: dir });
      continue;
    }
    const key = artifactKey(a);
    if (key !== undefined) {
      const host = join(repoRoot(run), key, a.subPath ?? "");
      if (!(await exists(host))) {
        if (a.optional) continue;
        throw new Error(
          `input artifact ${a.name}: ${key}${a.subPath ? `/${a.subPath}` : ""} is not in the local artifact repository (${repoRoot(run)})`,
        );
      }
      // a key's content is unarchived as Argo's executor does (a subPath points inside a stored directory)
      const staged = a.subPath ? host : await loadArchived(a, host, workdir);
      out.push({ containerPath: a.path, hostPath: staged, ...(a.mode !== undefined ? { mode: a.mode } : {}) });
      continue;
    }
    if (!a.optional) throw new Error(`inputs.artifacts.${a.name} was not supplied`);
  }
  return out;
}

/**
 * Output artifacts: what the executor copied out of the container (`collect`) is stored in the
 * local repository under the declared key, else `<workflow>/<pod>/<file>` (Argo's default key
 * format: `<name>.tgz`, or the path's base name with `archive: none`), archived as Argo archives
 * ({@link archiveOf}), and recorded with an `s3` location of that key unless the template declared one.
 */
export async function collectOutputArtifacts(
  run: RunState,
  t: Template,
  podName: string,
  workdir: string,
  succeeded: boolean,
): Promise<Artifact[]> {
  const out: Artifact[] = [];
  for (const a of t.outputs?.artifacts ?? []) {
    if (!a.path) continue;
    const host = join(workdir, "outputs", "artifacts", a.name);
    if (!(await exists(host))) {
      if (a.optional || !succeeded) continue;
      throw new Error(`path ${a.path} does not exist (output artifact ${a.name})`);
    }
    const declared = artifactKey(a);
    const how = archiveOf(a, t);
    const key = declared ?? `${run.name}/${podName}/${how.fileName}`;
    await saveArchived(host, join(repoRoot(run), key.replace(/\/+$/, "")), basename(a.path), how);
    const recorded: Artifact = declared ? { ...a } : { ...a, s3: { key } };
    out.push(recorded);
    if (a.globalName) addArtifactToGlobalScope(run, recorded);
  }
  return out;
}
