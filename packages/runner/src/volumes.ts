import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Container, Template, Volume } from "@wfc/sdk/argo";
import type { MountedVolume } from "./executor.js";
import type { RunState } from "./run-state.js";
import { substituteDeep } from "./subst.js";

type KeyValues = Readonly<Record<string, string>>;

/**
 * Every container of a template (main, script, containerSet, init, sidecars). A containerSet's own
 * `volumeMounts` are every set container's, as Argo's `ContainerSetTemplate.GetContainers` appends them.
 */
function containers(t: Template): Container[] {
  const out: Container[] = [];
  if (t.container) out.push(t.container);
  if (t.script) out.push(t.script as Container);
  const setMounts = t.containerSet?.volumeMounts ?? [];
  for (const c of t.containerSet?.containers ?? [])
    out.push((setMounts.length ? { ...c, volumeMounts: [...(c.volumeMounts ?? []), ...setMounts] } : c) as Container);
  for (const c of t.initContainers ?? []) out.push(c as Container);
  for (const c of t.sidecars ?? []) out.push(c as Container);
  return out;
}

async function writeKeys(
  dir: string,
  data: KeyValues,
  items: readonly { key: string; path: string }[] | undefined,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const entries = items?.length ? items.map((i) => [i.path, data[i.key]] as const) : Object.entries(data);
  for (const [path, value] of entries) {
    if (value === undefined) continue;
    const file = join(dir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, value);
  }
}

/**
 * The host directories behind the template's `volumeMounts`: `emptyDir` per pod,
 * `volumeClaimTemplates` and `persistentVolumeClaim` per run (`<runDir>/volumes/pvc/<name>`),
 * `configMap`/`secret` written from `options.configMaps`/`options.secrets`, `hostPath` as is.
 * A volume that is missing or of another kind is an error naming it.
 */
export async function podVolumes(run: RunState, t: Template, podName: string): Promise<MountedVolume[]> {
  const names = new Set<string>();
  for (const c of containers(t)) for (const m of c.volumeMounts ?? []) names.add(m.name);
  if (names.size === 0) return [];
  const byName = new Map<string, Volume>();
  // `substituteParamsInVolumes`: workflow volumes see the global parameters.
  for (const v of substituteDeep(run.spec.volumes ?? [], run.globalScope(), {
    allowUnresolved: true,
    what: "spec.volumes",
  }))
    byName.set(v.name, v);
  for (const v of t.volumes ?? []) byName.set(v.name, v);
  const claims = new Set((run.spec.volumeClaimTemplates ?? []).map((c) => c.metadata?.name ?? ""));
  const out: MountedVolume[] = [];
  for (const name of [...names].sort()) {
    const v = byName.get(name);
    if (!v && claims.has(name)) {
      const dir = join(run.runDir, "volumes", "pvc", name);
      await mkdir(dir, { recursive: true });
      out.push({ name, hostPath: dir });
      continue;
    }
    if (!v) throw new Error(`volume "${name}" is mounted but not declared (template ${t.name ?? ""})`);
    if (v.emptyDir) {
      const dir = join(run.runDir, "volumes", podName, name);
      await mkdir(dir, { recursive: true });
      out.push({ name, hostPath: dir });
    } else if (v.persistentVolumeClaim) {
      const dir = join(run.runDir, "volumes", "pvc", v.persistentVolumeClaim.claimName);
      await mkdir(dir, { recursive: true });
      out.push({ name, hostPath: dir, ...(v.persistentVolumeClaim.readOnly ? { readOnly: true } : {}) });
    } else if (v.configMap || v.secret) {
      const isCm = v.configMap !== undefined;
      const ref = isCm ? (v.configMap!.name ?? "") : (v.secret!.secretName ?? "");
      const data = (isCm ? run.options.configMaps : run.options.secrets)?.[ref];
      const optional = isCm ? v.configMap?.optional : v.secret?.optional;
      if (!data && !optional)
        throw new Error(
          `volume "${name}": ${isCm ? "configmap" : "secret"} "${ref}" was not supplied (give it with ${isCm ? "--configmap" : "--secret"})`,
        );
      const dir = join(run.runDir, "volumes", podName, name);
      await writeKeys(
        dir,
        data ?? {},
        (isCm ? v.configMap?.items : v.secret?.items) as { key: string; path: string }[] | undefined,
      );
      out.push({ name, hostPath: dir, readOnly: true });
    } else if (v.hostPath) {
      out.push({ name, hostPath: v.hostPath.path });
    } else {
      throw new Error(
        `volume "${name}" is of a kind that cannot be provided locally (${Object.keys(v)
          .filter((k) => k !== "name")
          .join(", ")})`,
      );
    }
  }
  return out;
}

/** `env[].valueFrom.configMapKeyRef`/`secretKeyRef` resolved from the local maps into `value` (in place). */
export function resolveEnv(run: RunState, t: Template): void {
  for (const c of containers(t)) {
    for (const e of c.env ?? []) {
      const cm = e.valueFrom?.configMapKeyRef;
      const sk = e.valueFrom?.secretKeyRef;
      if (!cm && !sk) continue;
      const ref = (cm ?? sk)!;
      const value = (cm ? run.options.configMaps : run.options.secrets)?.[ref.name ?? ""]?.[ref.key];
      if (value === undefined) {
        if (ref.optional) continue;
        throw new Error(
          `env ${e.name}: ${cm ? "configmap" : "secret"} "${ref.name}" key "${ref.key}" was not supplied (give it with ${cm ? "--configmap" : "--secret"})`,
        );
      }
      e.value = value;
      delete e.valueFrom;
    }
  }
}
