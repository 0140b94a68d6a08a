import type { KubernetesObject } from "@wfc/sdk";
import { projectConfig } from "./project-config.js";

/**
 * Whether an image reference names its registry: the part before the first `/` contains a `.` or
 * a `:`, or is `localhost` (how Docker and containerd tell a registry host from a Docker Hub
 * namespace).
 *
 * @example
 * ```ts
 * namesRegistry("ghcr.io/org/app:1") // true
 * namesRegistry("org/app:1")         // false
 * ```
 */
export function namesRegistry(image: string): boolean {
  const slash = image.indexOf("/");
  if (slash < 0) return false;
  const first = image.slice(0, slash);
  return first === "localhost" || first.includes(".") || first.includes(":");
}

/**
 * `image` with `registry` in front when it names no registry; images holding an Argo expression
 * (`{{...}}`) or empty are returned unchanged.
 *
 * @example
 * ```ts
 * withRegistry("alpine:3.20", "registry.example.com/mirror") // "registry.example.com/mirror/alpine:3.20"
 * ```
 */
export function withRegistry(image: string, registry: string): string {
  if (!image || image.includes("{{") || namesRegistry(image)) return image;
  return `${registry}/${image}`;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A copy of a container-like object with its image prefixed (the same object when unchanged). */
function container(c: unknown, registry: string): unknown {
  if (!isObj(c) || typeof c.image !== "string") return c;
  const image = withRegistry(c.image, registry);
  return image === c.image ? c : { ...c, image };
}

function containers(list: unknown, registry: string): unknown {
  return Array.isArray(list) ? list.map((c) => container(c, registry)) : list;
}

/** A template (or `templateDefaults`) with every image it runs prefixed. */
function template(t: unknown, registry: string): unknown {
  if (!isObj(t)) return t;
  const out: Obj = { ...t };
  if ("container" in t) out.container = container(t.container, registry);
  if ("script" in t) out.script = container(t.script, registry);
  if ("initContainers" in t) out.initContainers = containers(t.initContainers, registry);
  if ("sidecars" in t) out.sidecars = containers(t.sidecars, registry);
  if (isObj(t.containerSet))
    out.containerSet = { ...t.containerSet, containers: containers(t.containerSet.containers, registry) };
  return out;
}

/** A workflow spec with its templates' images prefixed. */
function spec(s: unknown, registry: string): unknown {
  if (!isObj(s)) return s;
  const out: Obj = { ...s };
  if (Array.isArray(s.templates)) out.templates = s.templates.map((t) => template(t, registry));
  if ("templateDefaults" in s) out.templateDefaults = template(s.templateDefaults, registry);
  return out;
}

/**
 * Manifests with `registry` put in front of every container image that names no registry
 * ({@link withRegistry}): templates' `container`, `script`, `initContainers`, `sidecars` and
 * `containerSet.containers`, and `templateDefaults`, of Workflows, WorkflowTemplates,
 * ClusterWorkflowTemplates (`spec`) and CronWorkflows (`spec.workflowSpec`). Other kinds are
 * returned unchanged. The inputs are not modified.
 *
 * @example
 * ```ts
 * const out = applyImageRegistry(manifests, "registry.example.com/mirror");
 * ```
 */
export function applyImageRegistry(manifests: readonly KubernetesObject[], registry: string): KubernetesObject[] {
  return manifests.map((m) => {
    const o = m as unknown as Obj;
    if (o.apiVersion !== "argoproj.io/v1alpha1" || !isObj(o.spec)) return m;
    if (o.kind === "CronWorkflow")
      return {
        ...o,
        spec: { ...o.spec, workflowSpec: spec(o.spec.workflowSpec, registry) },
      } as unknown as KubernetesObject;
    if (["Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate"].includes(String(o.kind)))
      return { ...o, spec: spec(o.spec, registry) } as unknown as KubernetesObject;
    return m;
  });
}

/**
 * Loaded manifests (`{ manifest, ... }`) with the project configuration's `imageRegistry` applied
 * ({@link applyImageRegistry}); unchanged when the configuration sets none.
 *
 * @example
 * ```ts
 * const loaded = await withConfiguredRegistry(await loadManifests(files));
 * ```
 */
export async function withConfiguredRegistry<T extends { readonly manifest: KubernetesObject }>(
  loaded: readonly T[],
): Promise<T[]> {
  const registry = (await projectConfig())?.config.imageRegistry;
  if (!registry) return [...loaded];
  const manifests = applyImageRegistry(
    loaded.map((l) => l.manifest),
    registry,
  );
  return loaded.map((l, i) => ({ ...l, manifest: manifests[i] ?? l.manifest }));
}
