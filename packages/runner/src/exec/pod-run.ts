/**
 * One pod attempt on a container engine: init containers, main (or a `containerSet`), sidecars,
 * outputs copied out, containers removed. Used by {@link ContainerExecutor}.
 */
import { cp, mkdir, rename, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ContainerNode, Template, UserContainer } from "@wfc/sdk/argo";
import type { PodRequest, PodResult } from "../executor.js";
import type { CommandResult } from "./command.js";
import { type BindMount, type ContainerLike, containerRunArgs, plainArgv } from "./container-args.js";
import type { ContainerExecutor } from "./container-engine.js";
import { type ResolvedImage, resolveImage } from "./image-map.js";
import { containerEnv, MissingEnvSource } from "./pod-env.js";
import { NotReady, waitReady } from "./readiness.js";
import { type RootfsWrapper, writeRootfsWrapper } from "./rootfs-wrapper.js";
import { hostPathOf, MissingVolume, stageFiles, volumeBinds } from "./staging.js";

/** How long a daemon's container must keep running before the node counts as daemoned. */
const DAEMON_GRACE_MS = 500;

/** A pod that could not run (phase Error), with the node's message. */
class PodError extends Error {}

interface Started {
  readonly name: string;
  readonly done: Promise<CommandResult>;
}

interface StartOptions {
  readonly mounts: readonly BindMount[];
  readonly network?: string;
  readonly wrapper?: RootfsWrapper;
  /** `run --rm`. @default false */
  readonly removeOnExit?: boolean;
}

function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

function lastLine(s: string): string {
  return s.trim().split("\n").filter(Boolean).pop() ?? "";
}

function stopped(signal: AbortSignal): PodResult {
  const r: unknown = signal.reason;
  const message = r instanceof Error && r.name !== "AbortError" ? r.message : typeof r === "string" ? r : "stopped";
  return { exitCode: 137, stdout: "", phase: "Failed", message };
}

/** @internal */
export class PodRun {
  private readonly names: string[] = [];
  private aborted = false;

  constructor(
    private readonly ex: ContainerExecutor,
    private readonly req: PodRequest,
  ) {}

  async run(): Promise<PodResult> {
    const { req } = this;
    if (req.signal.aborted) return stopped(req.signal);
    const onAbort = (): void => {
      this.aborted = true;
      void this.ex.remove(this.names);
    };
    req.signal.addEventListener("abort", onAbort, { once: true });
    let keep = false;
    try {
      const r = await this.runPod();
      if (this.aborted) return stopped(req.signal);
      keep = !!r.daemoned;
      return r;
    } catch (e) {
      if (this.aborted) return stopped(req.signal);
      if (e instanceof PodError || e instanceof MissingVolume || e instanceof MissingEnvSource) {
        return { exitCode: 1, stdout: "", phase: "Error", message: e.message };
      }
      throw e;
    } finally {
      if (!keep) {
        req.signal.removeEventListener("abort", onAbort);
        void this.ex.remove(this.names);
      }
    }
  }

  private async runPod(): Promise<PodResult> {
    const { req } = this;
    const t = req.template;
    const staged = await stageFiles(req.stage, req.workdir);
    const extra = this.ex.options.mounts ?? [];
    const mainMounts = (t.container ?? t.script)?.volumeMounts ?? t.containerSet?.volumeMounts;
    for (const c of t.initContainers ?? []) {
      const mounts = [
        ...extra,
        ...volumeBinds(
          c.mirrorVolumeMounts ? [...(mainMounts ?? []), ...(c.volumeMounts ?? [])] : c.volumeMounts,
          req.volumes,
          c.name,
        ),
      ];
      const r = await (await this.start(c, `${req.podName}-${c.name}`, c.name, { mounts })).done;
      this.engineFailure(r);
      if (r.code !== 0)
        return {
          exitCode: r.code,
          stdout: "",
          phase: "Failed",
          message: `${c.name}: Error (exit code ${r.code})`,
        };
    }
    if (t.containerSet) return this.runContainerSet(t, staged);
    const main = t.container ?? t.script;
    if (!main)
      throw new PodError(
        `template ${req.templateName} has no container, script or containerSet: the container executor cannot run it`,
      );
    const mounts = [...extra, ...volumeBinds(main.volumeMounts, req.volumes, "main"), ...staged];
    // nothing to copy out and nobody in its network: the engine removes it as it exits (`run --rm`)
    const simple = !req.collect.length && !t.sidecars?.length && !t.daemon;
    const wrapper = simple ? undefined : await this.wrapperFor(main, mounts);
    if (simple) this.checkRootfsCommand(main);
    const opts: StartOptions = {
      mounts: wrapper ? [...mounts, wrapper.mount] : mounts,
      ...(this.ex.options.network ? { network: this.ex.options.network } : {}),
      ...(wrapper ? { wrapper } : {}),
      ...(simple ? { removeOnExit: true } : {}),
    };
    const m = await this.start(main, req.podName, "main", opts);
    const sidecars: Started[] = [];
    if (t.sidecars?.length || t.daemon) {
      const running = await this.waitRunning(m);
      if (running) {
        for (const s of t.sidecars ?? []) {
          const sm = [
            ...extra,
            ...volumeBinds(s.mirrorVolumeMounts ? main.volumeMounts : s.volumeMounts, req.volumes, s.name),
          ];
          sidecars.push(
            await this.start(s, `${req.podName}-${s.name}`, s.name, {
              mounts: sm,
              network: `container:${req.podName}`,
            }),
          );
        }
        if (t.daemon && (await this.daemonReady(main, m))) {
          const ip = await this.ip(req.podName);
          return { exitCode: 0, stdout: "", daemoned: true, ...(ip ? { ip } : {}) };
        }
      }
    }
    const r = await m.done;
    if (sidecars.length) await this.ex.remove(sidecars.map((s) => s.name));
    if (this.aborted) return stopped(req.signal);
    this.engineFailure(r);
    return this.finish(r, req.podName, mounts, wrapper);
  }

  /** Runs containerSet containers in dependency order; outputs come from the one named `main`. */
  private async runContainerSet(t: Template, staged: readonly BindMount[]): Promise<PodResult> {
    const { req } = this;
    const cs = t.containerSet!;
    const extra = this.ex.options.mounts ?? [];
    const mainName = cs.containers.some((c) => c.name === "main")
      ? "main"
      : cs.containers[cs.containers.length - 1]?.name;
    const results = new Map<
      string,
      Promise<{ r: CommandResult; mounts: BindMount[]; wrapper?: RootfsWrapper; name: string } | undefined>
    >();
    const byName = new Map(cs.containers.map((c) => [c.name, c]));
    const network = await this.podNetwork(cs.containers[0]);
    const runNode = (
      c: ContainerNode,
    ): Promise<{ r: CommandResult; mounts: BindMount[]; wrapper?: RootfsWrapper; name: string } | undefined> => {
      let p = results.get(c.name);
      if (p) return p;
      p = (async () => {
        for (const d of c.dependencies ?? []) {
          const dep = byName.get(d);
          if (!dep) throw new PodError(`containerSet container ${c.name} depends on ${d}, which is not in the set`);
          const dr = await runNode(dep);
          if (dr?.r.code !== 0) return undefined;
        }
        if (this.aborted) return undefined;
        const mounts = [
          ...extra,
          ...volumeBinds([...(cs.volumeMounts ?? []), ...(c.volumeMounts ?? [])], req.volumes, c.name),
          ...staged,
        ];
        const wrapper = c.name === mainName ? await this.wrapperFor(c, mounts) : undefined;
        const name = `${req.podName}-${c.name}`;
        const s = await this.start(c, name, c.name, {
          mounts: wrapper ? [...mounts, wrapper.mount] : mounts,
          ...(wrapper ? { wrapper } : {}),
          ...(network ? { network } : {}),
        });
        const r = await s.done;
        this.engineFailure(r);
        return { r, mounts, name, ...(wrapper ? { wrapper } : {}) };
      })();
      results.set(c.name, p);
      return p;
    };
    const all = await Promise.all(cs.containers.map(runNode));
    if (this.aborted) return stopped(req.signal);
    const failed = cs.containers.findIndex((_, i) => all[i] && all[i]!.r.code !== 0);
    const main = all[cs.containers.findIndex((c) => c.name === mainName)];
    if (failed >= 0) {
      const f = all[failed]!;
      const c = cs.containers[failed]!;
      if (main && c.name === mainName) return this.finish(main.r, main.name, main.mounts, main.wrapper, mainName);
      return {
        exitCode: f.r.code,
        stdout: main?.r.stdout ?? "",
        phase: "Failed",
        message: `${c.name}: Error (exit code ${f.r.code})`,
      };
    }
    if (!main)
      return { exitCode: 1, stdout: "", phase: "Failed", message: `containerSet container ${mainName} did not run` };
    return this.finish(main.r, main.name, main.mounts, main.wrapper, mainName);
  }

  /**
   * The network namespace a containerSet's containers share, as a pod's containers do: an infra
   * container (the first container's image running `sleep`, like a pod's pause container) that
   * each container joins with `--network container:NAME`. Undefined (each container on its own
   * network, said in the log) when the image has no `sleep` to run.
   */
  private async podNetwork(first: ContainerNode | undefined): Promise<string | undefined> {
    const { req } = this;
    if (!first?.image) return undefined;
    const name = `${req.podName}-infra`;
    const infra = await this.start(
      { name: "infra", image: first.image, command: ["sleep", "2147483647"] },
      name,
      "infra",
      {
        mounts: [],
        ...(this.ex.options.network ? { network: this.ex.options.network } : {}),
      },
    );
    if (await this.waitRunning(infra)) return `container:${name}`;
    req.onLog(
      `containerSet: no shared network namespace (the infra container could not run sleep in ${first.image}); each container has its own`,
      "stderr",
      "infra",
    );
    return undefined;
  }

  /** Copies outputs out and builds the result. */
  private async finish(
    r: CommandResult,
    name: string,
    mounts: readonly BindMount[],
    wrapper: RootfsWrapper | undefined,
    ctrName = "main",
  ): Promise<PodResult> {
    const missing: string[] = [];
    await Promise.all(
      this.req.collect.map(async (c, i) => {
        await mkdir(dirname(c.hostPath), { recursive: true });
        let ok: boolean;
        if (wrapper) {
          const src = join(wrapper.outDir, String(i));
          ok = await exists(src);
          if (ok) await rename(src, c.hostPath);
        } else {
          const host = hostPathOf(c.containerPath, mounts);
          if (host) {
            ok = await exists(host);
            if (ok) await cp(host, c.hostPath, { recursive: true, verbatimSymlinks: true });
          } else ok = (await this.ex.engine(["cp", `${name}:${c.containerPath}`, c.hostPath])).code === 0;
        }
        if (!ok && !c.optional) missing.push(c.containerPath);
      }),
    );
    if (r.code !== 0) {
      const hint = r.code >= 125 && r.code <= 127 ? lastLine(r.stderr) : "";
      // a plain non-zero exit: the scheduler words the message as Argo does
      if (!hint.startsWith("Error:")) return { exitCode: r.code, stdout: r.stdout, phase: "Failed" };
      return {
        exitCode: r.code,
        stdout: r.stdout,
        phase: "Failed",
        message: `${ctrName}: Error (exit code ${r.code}): ${hint.slice(6).trim()}`,
      };
    }
    if (missing.length)
      return {
        exitCode: 0,
        stdout: r.stdout,
        phase: "Error",
        message: missing.map((p) => `${p} no such file or directory`).join("; "),
      };
    return { exitCode: 0, stdout: r.stdout };
  }

  /** The engine itself failed to run the container (`run` exit 125 with the engine's own error). */
  private engineFailure(r: CommandResult): void {
    if (this.aborted || r.code !== 125) return;
    const line = lastLine(r.stderr);
    if (line.startsWith("Error:") || /^docker: /.test(line))
      throw new PodError(line.replace(/^(docker: )?Error( response from daemon)?:\s*/, ""));
  }

  private async wrapperFor(c: ContainerLike, mounts: readonly BindMount[]): Promise<RootfsWrapper | undefined> {
    void mounts;
    const argv = this.checkRootfsCommand(c);
    if (!argv) return undefined;
    return writeRootfsWrapper(
      this.req.workdir,
      this.req.collect.map((x) => x.containerPath),
      argv,
    );
  }

  /** For a container mapped to `rootfs:DIR`, its argv (there is no entrypoint to fall back on); undefined for an image. */
  private checkRootfsCommand(c: ContainerLike): string[] | undefined {
    const image = resolveImage(c.image ?? "", this.ex.options.imageMap ?? []);
    if (image.kind !== "rootfs") return undefined;
    const argv = plainArgv(c);
    if (!argv.length)
      throw new PodError(
        `container ${c.name ?? "main"} has no command: an image mapped to rootfs:${image.dir} has no entrypoint, so the template must give command or args`,
      );
    return argv;
  }

  private async start(
    c: ContainerLike | UserContainer,
    name: string,
    containerName: string,
    opts: StartOptions,
  ): Promise<Started> {
    const { req } = this;
    if (this.aborted) throw new PodError("stopped");
    if (!c.image) throw new PodError(`container ${containerName} has no image`);
    const image = resolveImage(c.image, this.ex.options.imageMap ?? []);
    const problem = await this.ex.ensureImage(image);
    if (problem) throw new PodError(imageMessage(problem, image));
    const env = containerEnv(c, {
      podName: req.podName,
      ...(this.ex.options.configMaps ? { configMaps: this.ex.options.configMaps } : {}),
      ...(this.ex.options.secrets ? { secrets: this.ex.options.secrets } : {}),
    });
    const args = containerRunArgs(c, {
      name,
      image,
      labels: {
        "wfc.run": req.workflowName,
        "wfc.pod": req.podName,
        "wfc.container": containerName,
        ...this.ex.options.labels,
      },
      env,
      mounts: opts.mounts,
      ...(opts.network ? { network: opts.network } : {}),
      ...(req.template.securityContext ? { podSecurityContext: req.template.securityContext } : {}),
      ...(opts.wrapper ? { argv: opts.wrapper.argv } : {}),
      extra: [...(image.kind === "image" ? ["--pull=never"] : []), ...(opts.removeOnExit ? ["--rm"] : [])],
    });
    this.names.push(name);
    if (this.aborted) throw new PodError("stopped");
    const done = this.ex.runContainer(
      name,
      args,
      (line, stream) => req.onLog(line, stream, containerName),
      !!opts.removeOnExit,
    );
    return { name, done };
  }

  /**
   * Whether the running daemon counts as ready (the node becomes daemoned): its `readinessProbe`
   * passes ({@link waitReady}); without one, it stays up {@link DAEMON_GRACE_MS} (a daemon that
   * dies at once, a bad flag or a missing binary, is then a failed pod, not a running daemon).
   * Either way the engine is asked last whether the container still runs ({@link stillRunning}).
   * False when the container ended first (the pod's own result follows) or the pod was stopped.
   */
  private async daemonReady(main: ContainerLike, m: Started): Promise<boolean> {
    const { req } = this;
    const ended = m.done.then(() => true);
    const probe = (main as UserContainer).readinessProbe;
    if (!probe) {
      const grace = new Promise<false>((res) => setTimeout(() => res(false), DAEMON_GRACE_MS));
      return !(await Promise.race([ended, grace])) && (await this.stillRunning(m));
    }
    try {
      const ready = await waitReady(probe, main as UserContainer, {
        ip: await this.ip(m.name),
        exec: async (command, timeoutMs) =>
          (await this.ex.engine(["exec", m.name, ...command], { signal: AbortSignal.timeout(timeoutMs) })).code,
        ended,
        signal: req.signal,
        log: (line) => req.onLog(line, "stderr", "main"),
      });
      // a tcpSocket or httpGet check reaches an address, which may no longer be this container's
      return ready && (await this.stillRunning(m));
    } catch (e) {
      if (!(e instanceof NotReady)) throw e;
      if (!(await this.stillRunning(m))) return false;
      throw new PodError(e.message);
    }
  }

  /**
   * Whether the container still runs, as the engine says (`inspect`). The attached `run` is no
   * witness: it returns some time after the container exits (the engine waits for the exit code
   * and cleans up; under load, seconds), so a container whose `run` has not returned yet may
   * have exited already. Called only once the container ran ({@link waitRunning}).
   */
  private async stillRunning(s: Started): Promise<boolean> {
    if (await Promise.race([s.done.then(() => true), Promise.resolve(false)])) return false;
    const r = await this.ex.engine(["inspect", "--format", "{{.State.Running}}", s.name]);
    // no answer: the `run` still going is all there is to go on (waiting for it could be forever)
    return r.code !== 0 || r.stdout.trim() === "true";
  }

  /** Waits until a container runs; false when it ended first. */
  private async waitRunning(s: Started): Promise<boolean> {
    let ended = false;
    void s.done.then(() => (ended = true));
    for (let i = 0; i < 1200 && !ended && !this.aborted; i++) {
      const r = await this.ex.engine(["inspect", "--format", "{{.State.Running}}", s.name]);
      if (r.code === 0 && r.stdout.trim() === "true") return true;
      await new Promise((res) => setTimeout(res, 25));
    }
    return false;
  }

  private async ip(name: string): Promise<string | undefined> {
    const r = await this.ex.engine(["inspect", "--format", "{{.NetworkSettings.IPAddress}}", name]);
    const ip = r.stdout.trim();
    return r.code === 0 && ip && ip !== "<no value>" ? ip : undefined;
  }
}

function imageMessage(problem: string, image: ResolvedImage): string {
  if (image.kind === "rootfs") return problem;
  return image.mapped
    ? `${problem} (mapped from ${image.original} by --image-map)`
    : `${problem}: map it to an image this machine has with --image-map '${image.original}=IMAGE'`;
}
