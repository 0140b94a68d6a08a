/**
 * An {@link Executor} that runs each pod with a Docker-compatible CLI (podman, docker, or a binary
 * named by `--engine` that takes `docker run` arguments): init containers in order, the main
 * container attached (its output streamed line by line), sidecars in the main container's network
 * namespace (reachable on localhost, as in a pod), `containerSet` containers in dependency order.
 * Every container it creates is labelled `wfc.run=<workflow>` and tracked, so that an aborted pod
 * and {@link ContainerExecutor.close} kill and remove all of them.
 */
import type { Executor, PodRequest, PodResult } from "../executor.js";
import { type CommandResult, runCommand } from "./command.js";
import type { BindMount } from "./container-args.js";
import type { ContainerEngine } from "./engine.js";
import type { ImageMapEntry, ResolvedImage } from "./image-map.js";
import { PodRun } from "./pod-run.js";

/** How often, and how many times, {@link ContainerExecutor.remove} removes a container again while its `run` has not returned. */
const REMOVE_RETRY_MS = 250;
const REMOVE_RETRIES = 80;

/**
 * Options of {@link ContainerExecutor}.
 *
 * @example
 * ```ts
 * const options: ContainerExecutorOptions = { engine, imageMap: [parseImageMapEntry("*=rootfs:/")] };
 * ```
 */
export interface ContainerExecutorOptions {
  /** The engine to drive (see `detectEngine`). */
  readonly engine: ContainerEngine;
  /** `--image-map` entries, first match wins. @default [] */
  readonly imageMap?: readonly ImageMapEntry[];
  /** Host paths mounted into every container (tools, shims, local code). @default [] */
  readonly mounts?: readonly BindMount[];
  /** `--network` of each pod's main container. @default the engine's default network */
  readonly network?: string;
  /** ConfigMaps by name (key -> value), for `env[].valueFrom.configMapKeyRef`. @default {} */
  readonly configMaps?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Secrets by name (key -> value), for `env[].valueFrom.secretKeyRef`. @default {} */
  readonly secrets?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Labels added to every container besides `wfc.run`, `wfc.pod`. @default {} */
  readonly labels?: Readonly<Record<string, string>>;
  /** Pull images the engine does not have. @default true */
  readonly pull?: boolean;
}

/**
 * Runs pods as containers.
 *
 * @example
 * ```ts
 * const executor = new ContainerExecutor({ engine: await detectEngine(), imageMap: [parseImageMapEntry("*=rootfs:/")] });
 * try { await execute(manifest, { executor }); } finally { await executor.close(); }
 * ```
 */
export class ContainerExecutor implements Executor {
  readonly options: ContainerExecutorOptions;
  /** Containers created and not yet removed, by name. */
  private readonly live = new Set<string>();
  /** The `run` of each container whose `run` has not returned yet, by name. */
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly images = new Map<string, Promise<string | undefined>>();
  private closed = false;

  constructor(options: ContainerExecutorOptions) {
    this.options = options;
  }

  /** Runs one pod attempt. */
  async run(request: PodRequest): Promise<PodResult> {
    if (this.closed) return { exitCode: 1, stdout: "", phase: "Error", message: "the container executor is closed" };
    return new PodRun(this, request).run();
  }

  /** Kills and removes every container still there, then waits for pending removals. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    await this.remove([...this.live]);
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  /** Names of the containers created and not yet removed. */
  liveContainers(): string[] {
    return [...this.live];
  }

  /** @internal Runs an engine command. */
  engine(args: readonly string[], options: Parameters<typeof runCommand>[2] = {}): Promise<CommandResult> {
    return runCommand(this.options.engine.bin, args, options);
  }

  /** @internal Runs a `run` command for container `name`, tracking it until removed. */
  runContainer(
    name: string,
    args: readonly string[],
    onLine: (line: string, stream: "stdout" | "stderr") => void,
    removedOnExit = false,
  ): Promise<CommandResult> {
    this.live.add(name);
    const p = this.engine(args, { onLine }).then((r) => {
      this.running.delete(name);
      // `run --rm`: the engine removed it (a kill in flight may still try: rm -f of a missing name is harmless)
      if (removedOnExit) this.live.delete(name);
      return r;
    });
    this.running.set(name, p);
    return this.track(p);
  }

  /** @internal Kills and removes containers (in the background of the caller when not awaited; close() waits for it). */
  remove(names: readonly string[]): Promise<void> {
    // the newest first: a sidecar in the main container's network must go before the main one
    const mine = names.filter((n) => this.live.has(n)).reverse();
    if (!mine.length) return Promise.resolve();
    const podman = this.options.engine.kind === "podman";
    const rm = (list: readonly string[]) =>
      this.engine(podman ? ["rm", "-f", "-t", "0", ...list] : ["rm", "-f", ...list]);
    const removeAll = async (list: readonly string[]) => {
      if (!podman) await this.engine(["kill", ...list]);
      if ((await rm(list)).code !== 0) for (const n of list) await rm([n]);
    };
    const p = (async () => {
      await removeAll(mine);
      // A `run` still creating its container when rm ran creates it afterwards: remove again
      // until every `run` has returned (bounded, should an engine never return).
      for (let i = 0; i < REMOVE_RETRIES; i++) {
        const still = mine.filter((n) => this.running.has(n));
        if (!still.length) break;
        await Promise.race([
          new Promise((res) => setTimeout(res, REMOVE_RETRY_MS)),
          Promise.allSettled(still.map((n) => this.running.get(n))),
        ]);
        const left = still.filter((n) => this.running.has(n));
        if (left.length) await removeAll(left);
      }
      for (const n of mine) this.live.delete(n);
    })();
    return this.track(p);
  }

  /**
   * @internal Whether the engine has `image`, pulling it when it does not (once per image per
   * executor). Resolves with undefined when usable, or the reason it is not.
   */
  ensureImage(image: ResolvedImage): Promise<string | undefined> {
    if (image.kind === "rootfs") {
      return Promise.resolve(
        this.options.engine.kind === "podman"
          ? undefined
          : `rootfs:${image.dir} needs podman (the engine is ${this.options.engine.bin})`,
      );
    }
    let p = this.images.get(image.image);
    if (!p) {
      p = (async () => {
        if ((await this.engine(["image", "inspect", image.image])).code === 0) return undefined;
        if (this.options.pull === false) return `image ${image.image} is not on this machine`;
        const pulled = await this.engine(["pull", image.image]);
        if (pulled.code === 0) return undefined;
        const line = pulled.stderr.trim().split("\n").filter(Boolean).pop() ?? `exit code ${pulled.code}`;
        return `could not pull ${image.image}: ${line.replace(/^Error:\s*/, "")}`;
      })();
      this.images.set(image.image, p);
    }
    return p;
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p)).catch(() => undefined);
    return p;
  }
}
