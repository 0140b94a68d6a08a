/**
 * The executor `wfc run` uses: Node.js scripts in-process (unless `isolate`), `http` templates
 * as real requests, everything else on the container engine. With no engine, container pods
 * fail with one line saying how to get one; {@link preflight} finds that before a run starts.
 */
import type { Template } from "@wfc/sdk/argo";
import type { Executor, PodRequest, PodResult } from "../executor.js";
import { ExecutorCodes, ExecutorError, NO_ENGINE_HINT } from "./errors.js";
import { HttpExecutor } from "./http.js";
import { InProcessExecutor, isNodeScript } from "./in-process.js";

/**
 * Where a pod runs.
 *
 * @example
 * ```ts
 * const route: PodRoute = podRoute(template, { isolate: true });
 * ```
 */
export type PodRoute = "in-process" | "container" | "http" | "unsupported";

/**
 * Where a template's pods run. A node script runs in-process unless `isolate` is set or it needs
 * files in or out of a container (output paths, input artifacts, volume mounts, init containers,
 * sidecars, daemon): those run in the script's image.
 *
 * @example
 * ```ts
 * podRoute({ name: "t", script: { image: "node:22", command: ["node"], source: "1" } }) // "in-process"
 * ```
 */
export function podRoute(t: Template, options: { readonly isolate?: boolean } = {}): PodRoute {
  if (t.http) return "http";
  if (t.data) return "unsupported";
  if (!t.container && !t.script && !t.containerSet) return "unsupported";
  if (options.isolate || !isNodeScript(t)) return "container";
  const files =
    (t.outputs?.parameters ?? []).some((p) => p.valueFrom?.path) ||
    (t.outputs?.artifacts ?? []).length > 0 ||
    (t.inputs?.artifacts ?? []).length > 0 ||
    (t.script?.volumeMounts ?? []).length > 0 ||
    (t.initContainers ?? []).length > 0 ||
    (t.sidecars ?? []).length > 0 ||
    !!t.daemon;
  return files ? "container" : "in-process";
}

/**
 * Options of {@link RouterExecutor}.
 *
 * @example
 * ```ts
 * new RouterExecutor({ isolate: true, containers: new ContainerExecutor({ engine }) });
 * ```
 */
export interface RouterExecutorOptions {
  /** Run node scripts in their image too. @default false */
  readonly isolate?: boolean;
  /** The container engine's executor; undefined when no engine answers. */
  readonly containers?: Executor;
  /** Why there is no container executor (the detection error's message). @default a hint to install podman/Docker */
  readonly noEngine?: string;
  /** @default new InProcessExecutor() */
  readonly inProcess?: Executor;
  /** @default new HttpExecutor() */
  readonly http?: Executor;
}

/**
 * Sends each pod to the executor that runs it.
 *
 * @example
 * ```ts
 * const executor = new RouterExecutor({ containers: new ContainerExecutor({ engine }) });
 * await execute(manifest, { executor });
 * ```
 */
export class RouterExecutor implements Executor {
  readonly options: RouterExecutorOptions;
  private readonly inProcess: Executor;
  private readonly http: Executor;

  constructor(options: RouterExecutorOptions = {}) {
    this.options = options;
    this.inProcess = options.inProcess ?? new InProcessExecutor();
    this.http = options.http ?? new HttpExecutor();
  }

  /** Runs one pod where it belongs. */
  run(req: PodRequest): Promise<PodResult> {
    const route = podRoute(req.template, this.options);
    if (route === "in-process") return this.inProcess.run(req);
    if (route === "http") return this.http.run(req);
    if (route === "unsupported") {
      const what = req.template.data ? "data templates are not run locally yet" : "not a pod template";
      return Promise.resolve({
        exitCode: 1,
        stdout: "",
        phase: "Error",
        message: `template ${req.templateName}: ${what}`,
      });
    }
    if (!this.options.containers) {
      return Promise.resolve({
        exitCode: 1,
        stdout: "",
        phase: "Error",
        message: this.options.noEngine ?? `no container engine: ${NO_ENGINE_HINT}`,
      });
    }
    return this.options.containers.run(req);
  }

  /** Closes every executor. */
  async close(): Promise<void> {
    await Promise.all([this.options.containers?.close?.(), this.inProcess.close?.(), this.http.close?.()]);
  }
}

/**
 * The templates of a manifest (and of the WorkflowTemplates it may reference) that need a
 * container engine.
 *
 * @example
 * ```ts
 * containerTemplates(manifest.spec.templates, { isolate: false }) // ["extract", "transform", "load"]
 * ```
 */
export function containerTemplates(
  templates: readonly Template[],
  options: { readonly isolate?: boolean } = {},
): string[] {
  return templates.filter((t) => podRoute(t, options) === "container").map((t) => t.name ?? "?");
}

/**
 * Checks, before a run starts, that the pods it may run can run: when any template needs
 * containers and there is no engine, throws the one-line error.
 *
 * @throws {ExecutorError} `E_RUN_NO_ENGINE`.
 * @example
 * ```ts
 * preflight(templates, { isolate, engineError }); // engineError: the detection error, if any
 * ```
 */
export function preflight(
  templates: readonly Template[],
  options: { readonly isolate?: boolean; readonly engineError?: Error },
): void {
  if (!options.engineError) return;
  const needs = containerTemplates(templates, options);
  if (!needs.length) return;
  const shown = needs.slice(0, 3).join(", ") + (needs.length > 3 ? `, and ${needs.length - 3} more` : "");
  const reason = options.engineError.message;
  throw new ExecutorError(
    ExecutorCodes.noEngine,
    `${reason.startsWith("no container engine") || reason.startsWith("container engine") ? reason : `no container engine: ${reason}`} (needed by template${needs.length === 1 ? "" : "s"} ${shown})`,
  );
}
