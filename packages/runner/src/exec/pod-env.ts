/**
 * A container's environment as Kubernetes builds it: `envFrom` first, then `env` in order;
 * `valueFrom` resolved from the ConfigMaps and Secrets given on the command line, and the few
 * `fieldRef`s a pod knows about itself.
 */
import type { EnvVar } from "@wfc/sdk/argo";
import type { ContainerLike } from "./container-args.js";

/** A ConfigMap or Secret key an env var needs and nobody supplied. */
export class MissingEnvSource extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingEnvSource";
  }
}

/** What `valueFrom` can read. */
export interface EnvSources {
  readonly configMaps?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly secrets?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly podName: string;
}

type EnvFrom = {
  configMapRef?: { name?: string; optional?: boolean };
  secretRef?: { name?: string; optional?: boolean };
  prefix?: string;
};

/**
 * Resolves a container's environment.
 *
 * @throws {MissingEnvSource} naming the ConfigMap/Secret key and the flag that supplies it.
 * @example
 * ```ts
 * containerEnv({ env: [{ name: "A", value: "1" }] }, { podName: "p" }) // [["A", "1"]]
 * ```
 */
export function containerEnv(
  c: ContainerLike & { readonly envFrom?: readonly EnvFrom[] },
  sources: EnvSources,
): [string, string][] {
  const out = new Map<string, string>();
  for (const f of c.envFrom ?? []) {
    const ref = f.configMapRef ?? f.secretRef;
    const kind = f.configMapRef ? "configmap" : "secret";
    if (!ref?.name) continue;
    const data = (kind === "configmap" ? sources.configMaps : sources.secrets)?.[ref.name];
    if (!data) {
      if (ref.optional) continue;
      throw new MissingEnvSource(`envFrom: ${kind} ${ref.name} was not given: pass it with --${kind} ${ref.name}=PATH`);
    }
    for (const [k, v] of Object.entries(data)) out.set(`${f.prefix ?? ""}${k}`, v);
  }
  for (const e of c.env ?? []) {
    const v = envValue(e, sources);
    if (v !== undefined) out.set(e.name, v);
  }
  return [...out];
}

function envValue(e: EnvVar, sources: EnvSources): string | undefined {
  if (e.value !== undefined) return e.value;
  const vf = e.valueFrom;
  if (!vf) return "";
  const keyRef = vf.configMapKeyRef ?? vf.secretKeyRef;
  if (keyRef) {
    const kind = vf.configMapKeyRef ? "configmap" : "secret";
    const data = (kind === "configmap" ? sources.configMaps : sources.secrets)?.[keyRef.name ?? ""];
    const v = data?.[keyRef.key];
    if (v !== undefined) return v;
    if (keyRef.optional) return undefined;
    throw new MissingEnvSource(
      data
        ? `env ${e.name}: ${kind} ${keyRef.name} has no key "${keyRef.key}"`
        : `env ${e.name}: ${kind} ${keyRef.name} was not given: pass it with --${kind} ${keyRef.name}=PATH`,
    );
  }
  const field = vf.fieldRef?.fieldPath;
  if (field === "metadata.name") return sources.podName;
  if (field === "metadata.namespace") return "default";
  if (field === "status.podIP" || field === "status.hostIP") return "127.0.0.1";
  return undefined;
}
