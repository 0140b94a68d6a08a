import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Executor, PodRequest, PodResult } from "./executor.js";

/** A scripted pod's result, and the files it leaves in the container (container path -> content), copied out as `collect` asks. */
export type ScriptedResult = Partial<PodResult> & { readonly files?: Readonly<Record<string, string>> };
/**
 * What a scripted pod does: a result, or a function of the request.
 *
 * @example
 * ```ts
 * const flaky: ScriptedPod = (req) => ({ exitCode: req.retry < 2 ? 1 : 0 });
 * ```
 */
export type ScriptedPod = ScriptedResult | ((req: PodRequest) => ScriptedResult | Promise<ScriptedResult>);

/**
 * Options of {@link scriptedExecutor}.
 *
 * @example
 * ```ts
 * const options: ScriptedExecutorOptions = { pods: { gen: { files: { "/tmp/out": "42" } } }, fabricateOutputs: true };
 * ```
 */
export interface ScriptedExecutorOptions {
  /** By template name, then task/step name: what the pod does. @default exit 0, stdout = the args joined by spaces */
  readonly pods?: Readonly<Record<string, ScriptedPod>>;
  /** Milliseconds each pod takes (via `sleep`, e.g. the run's virtual clock). @default 0 */
  readonly durationMs?: number;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Writes a placeholder file (`<path>`) for every collected path the pod left nothing at (dry runs of upstream examples). @default false */
  readonly fabricateOutputs?: boolean;
}

/**
 * An executor that runs nothing: for tests and dry runs. `requests` records every pod in start order.
 *
 * @example
 * ```ts
 * const executor: ScriptedExecutor = scriptedExecutor();
 * await execute(wf, { executor });
 * console.log(executor.requests.map((r) => r.nodeName));
 * ```
 */
export interface ScriptedExecutor extends Executor {
  readonly requests: PodRequest[];
}

/**
 * An in-memory {@link Executor}: each pod's result is scripted by template (or task) name; by
 * default a pod succeeds and prints its container's args (an `echo`).
 *
 * @example
 * ```ts
 * const executor = scriptedExecutor({ pods: { flaky: { exitCode: 1 } } });
 * const { phase } = await execute(wf, { executor });
 * ```
 */
export function scriptedExecutor(options: ScriptedExecutorOptions = {}): ScriptedExecutor {
  const requests: PodRequest[] = [];
  return {
    requests,
    async run(req) {
      requests.push(req);
      if (options.durationMs && options.sleep) {
        try {
          await options.sleep(options.durationMs, req.signal);
        } catch {
          return { exitCode: 137, stdout: "", phase: "Failed", message: "aborted" };
        }
      }
      const script =
        (req.taskName !== undefined ? options.pods?.[req.taskName] : undefined) ?? options.pods?.[req.templateName];
      const got = typeof script === "function" ? await script(req) : script;
      const files: Record<string, string> = { ...(got?.files ?? {}) };
      // Staged inputs are visible to the pod, as in a container.
      for (const st of req.stage) {
        if (st.content !== undefined) files[st.containerPath] = st.content;
        else if (st.hostPath) {
          try {
            const s = statSync(st.hostPath);
            if (s.isFile()) files[st.containerPath] = readFileSync(st.hostPath, "utf8");
          } catch {
            // missing input: the pod sees nothing there
          }
        }
      }
      for (const col of req.collect) {
        for (const [path, content] of Object.entries(files)) {
          let dest: string | undefined;
          if (path === col.containerPath) dest = col.hostPath;
          else if (path.startsWith(`${col.containerPath.replace(/\/$/, "")}/`))
            dest = join(col.hostPath, path.slice(col.containerPath.replace(/\/$/, "").length + 1));
          if (!dest) continue;
          mkdirSync(dirname(dest), { recursive: true });
          writeFileSync(dest, content);
        }
      }
      if (options.fabricateOutputs) {
        for (const col of req.collect) {
          if (existsSync(col.hostPath)) continue;
          mkdirSync(dirname(col.hostPath), { recursive: true });
          writeFileSync(col.hostPath, col.containerPath);
        }
      }
      const c = req.template.container ?? req.template.script;
      const stdout = got?.stdout ?? [...(c?.args ?? [])].filter((a) => a !== "/argo/staging/script").join(" ");
      const { files: _f, ...result } = got ?? {};
      void _f;
      return { exitCode: 0, ...result, stdout };
    },
  };
}
