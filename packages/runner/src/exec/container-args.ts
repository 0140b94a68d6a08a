/**
 * One Kubernetes container of a pod as `docker run` arguments: image (or `--rootfs DIR:O`),
 * command/args with Kubernetes' meaning (command replaces the entrypoint, args the CMD), env,
 * working directory, volume mounts as bind mounts, the meaningful parts of `securityContext`.
 * Resources, probes and ports are ignored.
 */
import type { EnvVar, PodSecurityContext, SecurityContext, VolumeMount } from "@wfc/sdk/argo";
import type { ResolvedImage } from "./image-map.js";

/**
 * The fields of a container that matter locally (Container, UserContainer, ScriptTemplate, ContainerNode).
 *
 * @example
 * ```ts
 * const c: ContainerLike = { image: "alpine", command: ["sh", "-c"], args: ["echo hi"] };
 * ```
 */
export interface ContainerLike {
  readonly name?: string;
  readonly image?: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly env?: readonly EnvVar[];
  readonly workingDir?: string;
  readonly volumeMounts?: readonly VolumeMount[];
  readonly securityContext?: SecurityContext;
}

/**
 * A host path bind-mounted into a container.
 *
 * @example
 * ```ts
 * const m: BindMount = { hostPath: "/tmp/shims", containerPath: "/usr/local/sbin", readOnly: true };
 * ```
 */
export interface BindMount {
  readonly hostPath: string;
  readonly containerPath: string;
  readonly readOnly?: boolean;
}

/**
 * Everything {@link containerRunArgs} needs besides the container itself.
 *
 * @example
 * ```ts
 * const spec: ContainerRunSpec = { name: "p", image: resolveImage("alpine", []), labels: {}, env: [], mounts: [] };
 * ```
 */
export interface ContainerRunSpec {
  /** `--name`. */
  readonly name: string;
  readonly image: ResolvedImage;
  readonly labels: Readonly<Record<string, string>>;
  /** Env after `valueFrom` resolution, in order. */
  readonly env: readonly (readonly [string, string])[];
  readonly mounts: readonly BindMount[];
  /** `--network` value, e.g. `container:<name>`. @default the engine's default */
  readonly network?: string;
  readonly podSecurityContext?: PodSecurityContext;
  /** Run detached (`-d`) instead of attached. @default false */
  readonly detach?: boolean;
  /** argv to run instead of the container's own (rootfs wrapper): replaces command and args. */
  readonly argv?: readonly string[];
  /** Extra engine arguments before the image (e.g. `--pull=never`). */
  readonly extra?: readonly string[];
}

/**
 * The argv of `run` for one container (without the binary).
 *
 * @example
 * ```ts
 * containerRunArgs({ name: "main", image: "alpine", command: ["sh", "-c"], args: ["echo hi"] }, spec)
 * // ["run", "--name", "...", ..., "--entrypoint", "sh", "alpine", "-c", "echo hi"]
 * ```
 */
export function containerRunArgs(c: ContainerLike, spec: ContainerRunSpec): string[] {
  const a: string[] = ["run"];
  if (spec.detach) a.push("-d");
  a.push("--name", spec.name);
  for (const [k, v] of Object.entries(spec.labels)) a.push("--label", `${k}=${v}`);
  if (spec.network) a.push("--network", spec.network);
  for (const [k, v] of spec.env) a.push("-e", `${k}=${v}`);
  if (c.workingDir) a.push("-w", c.workingDir);
  a.push(...securityArgs(c.securityContext, spec.podSecurityContext));
  // shallower mount points first, so that a mount inside another one lands on top of it
  const mounts = [...spec.mounts].sort((x, y) => depth(x.containerPath) - depth(y.containerPath));
  for (const m of mounts) a.push("-v", `${m.hostPath}:${m.containerPath}${m.readOnly ? ":ro" : ""}`);
  a.push(...(spec.extra ?? []));
  const command = c.command ?? [];
  const args = c.args ?? [];
  if (spec.image.kind === "rootfs") {
    a.push("--rootfs", `${spec.image.dir}:O`);
    a.push(...(spec.argv ?? [...command, ...args]));
    return a;
  }
  if (spec.argv) {
    a.push("--entrypoint", spec.argv[0] ?? "", spec.image.image, ...spec.argv.slice(1));
    return a;
  }
  if (command.length) a.push("--entrypoint", command[0]!);
  a.push(spec.image.image, ...command.slice(1), ...args);
  return a;
}

function depth(p: string): number {
  return p.split("/").filter(Boolean).length;
}

function securityArgs(sc: SecurityContext | undefined, pod: PodSecurityContext | undefined): string[] {
  const a: string[] = [];
  const user = sc?.runAsUser ?? pod?.runAsUser;
  const group = sc?.runAsGroup ?? pod?.runAsGroup;
  if (user !== undefined) a.push("--user", group !== undefined ? `${user}:${group}` : String(user));
  else if (group !== undefined) a.push("--group-add", String(group));
  for (const g of pod?.supplementalGroups ?? []) a.push("--group-add", String(g));
  if (sc?.privileged) a.push("--privileged");
  if (sc?.readOnlyRootFilesystem) a.push("--read-only");
  for (const cap of sc?.capabilities?.add ?? []) a.push("--cap-add", cap);
  for (const cap of sc?.capabilities?.drop ?? []) a.push("--cap-drop", cap);
  if (sc?.allowPrivilegeEscalation === false) a.push("--security-opt", "no-new-privileges");
  return a;
}

/** The argv a container runs with when the image has no entrypoint (rootfs): command then args. */
export function plainArgv(c: ContainerLike): string[] {
  return [...(c.command ?? []), ...(c.args ?? [])];
}
