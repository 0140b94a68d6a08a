/**
 * Placing a pod's files: staged files (script sources, input artifacts) are written or copied
 * under the attempt's work directory and bind-mounted at their container paths, as Argo mounts
 * them from its `input-artifacts` volume; the template's `volumeMounts` become bind mounts of the
 * run-scoped volume directories.
 */
import { chmod, cp, mkdir, writeFile } from "node:fs/promises";
import { join, posix } from "node:path";
import type { VolumeMount } from "@wfc/sdk/argo";
import type { MountedVolume, StagedFile } from "../executor.js";
import type { BindMount } from "./container-args.js";

/**
 * Writes or copies every staged file to `<workdir>/stage/<i>` and returns its bind mount.
 *
 * @example
 * ```ts
 * const mounts = await stageFiles(req.stage, req.workdir);
 * ```
 */
export async function stageFiles(stage: readonly StagedFile[], workdir: string): Promise<BindMount[]> {
  if (!stage.length) return [];
  const dir = join(workdir, "stage");
  await mkdir(dir, { recursive: true });
  const out: BindMount[] = [];
  for (const [i, f] of stage.entries()) {
    const host = join(dir, String(i));
    if (f.content !== undefined) {
      await writeFile(host, f.content);
      await chmod(host, f.mode ?? (f.containerPath.includes("/argo/staging/") ? 0o755 : 0o644));
    } else if (f.hostPath) {
      await cp(f.hostPath, host, { recursive: true, force: true, verbatimSymlinks: true });
      if (f.mode !== undefined) await chmod(host, f.mode);
    } else continue;
    out.push({ hostPath: host, containerPath: f.containerPath });
  }
  return out;
}

/** A `volumeMounts` entry naming a volume the pod does not have. */
export class MissingVolume extends Error {
  constructor(
    readonly volume: string,
    readonly container: string,
  ) {
    super(`container ${container} mounts volume "${volume}", which the pod does not define`);
    this.name = "MissingVolume";
  }
}

/**
 * Bind mounts for a container's `volumeMounts` (`subPath` included).
 *
 * @throws {MissingVolume} when a mount names a volume that is not in `volumes`.
 * @example
 * ```ts
 * volumeBinds(main.volumeMounts, req.volumes, "main")
 * ```
 */
export function volumeBinds(
  mounts: readonly VolumeMount[] | undefined,
  volumes: readonly MountedVolume[],
  container: string,
): BindMount[] {
  const out: BindMount[] = [];
  for (const m of mounts ?? []) {
    const v = volumes.find((x) => x.name === m.name);
    if (!v) throw new MissingVolume(m.name, container);
    const sub = m.subPath ?? m.subPathExpr;
    out.push({
      hostPath: sub ? join(v.hostPath, sub) : v.hostPath,
      containerPath: m.mountPath,
      readOnly: !!(m.readOnly || v.readOnly),
    });
  }
  return out;
}

/**
 * The host path a container path lies at when it is inside a bind mount, or undefined.
 *
 * @example
 * ```ts
 * hostPathOf("/work/out.txt", [{ hostPath: "/tmp/v", containerPath: "/work" }]) // "/tmp/v/out.txt"
 * ```
 */
export function hostPathOf(containerPath: string, mounts: readonly BindMount[]): string | undefined {
  let best: BindMount | undefined;
  const p = posix.normalize(containerPath);
  for (const m of mounts) {
    const mp = posix.normalize(m.containerPath).replace(/\/$/, "");
    if ((p === mp || p.startsWith(`${mp}/`)) && (!best || mp.length > best.containerPath.length))
      best = { ...m, containerPath: mp };
  }
  if (!best) return undefined;
  const rel = p.slice(best.containerPath.length).replace(/^\//, "");
  return rel ? join(best.hostPath, rel) : best.hostPath;
}
