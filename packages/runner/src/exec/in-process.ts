/**
 * An {@link Executor} that runs Node.js `script` templates (`command: [node]`, what `nodeScript`
 * compiles to, or hand-written YAML) inside this process: the source runs in a `node:vm` context
 * with a `process` stand-in (`env` from the template's env, `stdout`/`stderr` captured, `exit`),
 * `console`, timers, and `require` of Node's built-in modules only. The pod ends when the script's
 * completion value (the generated source ends in a Promise) settles and its timers have run; a
 * thrown error or a rejected promise gives exit code 1 with the error on stderr, as `node` would.
 *
 * It is not a security boundary: built-ins such as `fs` reach the host. Pods that stage or collect
 * files go to a container (see `RouterExecutor`).
 */
import { createRequire, isBuiltin } from "node:module";
import { format, inspect } from "node:util";
import vm from "node:vm";
import type { Template } from "@wfc/sdk/argo";
import type { Executor, PodRequest, PodResult } from "../executor.js";
import { containerEnv, MissingEnvSource } from "./pod-env.js";

const hostRequire = createRequire(import.meta.url);

/**
 * Options of {@link InProcessExecutor}.
 *
 * @example
 * ```ts
 * new InProcessExecutor({ configMaps: { settings: { level: "debug" } } });
 * ```
 */
export interface InProcessExecutorOptions {
  /** ConfigMaps by name, for `env[].valueFrom.configMapKeyRef`. @default {} */
  readonly configMaps?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Secrets by name, for `env[].valueFrom.secretKeyRef`. @default {} */
  readonly secrets?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * Whether a template is a Node.js script this executor can run: a `script` whose command is
 * `node` alone.
 *
 * @example
 * ```ts
 * isNodeScript({ name: "t", script: { image: "node:22", command: ["node"], source: "1" } }) // true
 * ```
 */
export function isNodeScript(t: Template): boolean {
  const cmd = t.script?.command;
  return !!t.script && !!cmd && cmd.length === 1 && /(^|\/)node(js)?$/.test(cmd[0] ?? "");
}

/** `process.exit()` inside a script. */
class ScriptExit {
  constructor(readonly code: number) {}
}

const scripts = new Map<string, vm.Script>();
function compiled(source: string, filename: string): vm.Script {
  let s = scripts.get(source);
  if (!s) {
    s = new vm.Script(source, { filename });
    if (scripts.size > 500) scripts.clear();
    scripts.set(source, s);
  }
  return s;
}

/**
 * Runs Node.js scripts in-process.
 *
 * @example
 * ```ts
 * const r = await new InProcessExecutor().run(request); // request.template.script.command = ["node"]
 * console.log(r.exitCode, r.stdout);
 * ```
 */
export class InProcessExecutor implements Executor {
  readonly options: InProcessExecutorOptions;

  constructor(options: InProcessExecutorOptions = {}) {
    this.options = options;
  }

  /** Runs one script pod. */
  run(req: PodRequest): Promise<PodResult> {
    const t = req.template;
    const script = t.script;
    if (!script || !isNodeScript(t)) {
      return Promise.resolve({
        exitCode: 1,
        stdout: "",
        phase: "Error",
        message: `template ${req.templateName} is not a node script: the in-process executor cannot run it`,
      });
    }
    let env: [string, string][];
    try {
      env = containerEnv(script, { podName: req.podName, ...this.options });
    } catch (e) {
      if (e instanceof MissingEnvSource)
        return Promise.resolve({ exitCode: 1, stdout: "", phase: "Error", message: e.message });
      throw e;
    }
    return runScript(
      script.source ?? "",
      req,
      Object.fromEntries([["HOSTNAME", req.podName], ["HOME", "/root"], ...env]),
    );
  }
}

function runScript(source: string, req: PodRequest, env: Record<string, string>): Promise<PodResult> {
  return new Promise<PodResult>((resolve) => {
    const stdout: string[] = [];
    const pending = { stdout: "", stderr: "" };
    const emit = (stream: "stdout" | "stderr", text: string): void => {
      if (stream === "stdout") stdout.push(text);
      const lines = (pending[stream] + text).split("\n");
      pending[stream] = lines.pop() ?? "";
      for (const l of lines) req.onLog(l, stream, "main");
    };
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const intervals = new Set<ReturnType<typeof setInterval>>();
    let settled = false;
    let completed = false;
    let exitCode: number | undefined;
    const finish = (code: number, phase?: PodResult["phase"], message?: string): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      for (const t of intervals) clearInterval(t);
      req.signal.removeEventListener("abort", onAbort);
      for (const s of ["stdout", "stderr"] as const) if (pending[s]) req.onLog(pending[s], s, "main");
      resolve({
        exitCode: code,
        stdout: stdout.join(""),
        ...(phase ? { phase } : {}),
        ...(message ? { message } : {}),
      });
    };
    const fail = (e: unknown): void => {
      if (settled) return;
      if (e instanceof ScriptExit) {
        finish(e.code);
        return;
      }
      const text =
        e instanceof Error || (e && typeof e === "object" && "stack" in e)
          ? String((e as Error).stack ?? e)
          : `Uncaught ${inspect(e)}`;
      emit("stderr", `${text}\n`);
      finish(1);
    };
    const maybeDone = (): void => {
      if (completed && !timers.size && !intervals.size) finish(exitCode ?? proc.exitCode ?? 0);
    };
    const guard =
      <A extends unknown[]>(fn: (...a: A) => unknown) =>
      (...a: A): void => {
        if (settled) return;
        try {
          fn(...a);
        } catch (e) {
          fail(e);
        }
      };
    const onAbort = (): void => {
      const r: unknown = req.signal.reason;
      finish(
        137,
        "Failed",
        r instanceof Error && r.name !== "AbortError" ? r.message : typeof r === "string" ? r : "stopped",
      );
    };
    if (req.signal.aborted) return onAbort();
    req.signal.addEventListener("abort", onAbort, { once: true });

    const stream = (name: "stdout" | "stderr") => ({
      write: (chunk: unknown, ...rest: unknown[]) => {
        emit(
          name,
          typeof chunk === "string"
            ? chunk
            : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array
              ? Buffer.from(chunk).toString("utf8")
              : String(chunk),
        );
        const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
        if (cb) queueMicrotask(cb);
        return true;
      },
      isTTY: false,
      fd: name === "stdout" ? 1 : 2,
    });
    const proc = {
      env,
      argv: ["/usr/local/bin/node", ...(req.template.script?.args ?? [])],
      argv0: "node",
      execArgv: [],
      platform: process.platform,
      arch: process.arch,
      version: process.version,
      versions: process.versions,
      pid: 1,
      exitCode: undefined as number | undefined,
      stdout: stream("stdout"),
      stderr: stream("stderr"),
      cwd: () => req.template.script?.workingDir ?? "/",
      exit: (code?: number) => {
        throw new ScriptExit(code ?? proc.exitCode ?? 0);
      },
      nextTick: (fn: (...a: unknown[]) => void, ...a: unknown[]) => queueMicrotask(guard(() => fn(...a))),
      hrtime: Object.assign((t?: [number, number]) => process.hrtime(t), { bigint: () => process.hrtime.bigint() }),
      uptime: () => process.uptime(),
      memoryUsage: () => process.memoryUsage(),
      on: () => proc,
      once: () => proc,
      off: () => proc,
      emitWarning: (w: unknown) => emit("stderr", `Warning: ${String(w)}\n`),
    };
    const out = (...a: unknown[]) => emit("stdout", `${format(...a)}\n`);
    const err = (...a: unknown[]) => emit("stderr", `${format(...a)}\n`);
    const sandboxConsole = {
      log: out,
      info: out,
      debug: out,
      error: err,
      warn: err,
      trace: err,
      dir: (o: unknown) => out(inspect(o)),
      table: out,
    };
    const requireBuiltin = (id: string): unknown => {
      if (!isBuiltin(id))
        throw Object.assign(
          new Error(
            `Cannot find module '${id}' (in-process node scripts can require Node.js built-in modules only; run with --isolate to use the image's modules)`,
          ),
          { code: "MODULE_NOT_FOUND" },
        );
      return hostRequire(id.startsWith("node:") ? id : `node:${id}`);
    };
    const module = { exports: {} as unknown };
    const ctx = vm.createContext({
      process: proc,
      console: sandboxConsole,
      require: requireBuiltin,
      module,
      exports: module.exports,
      __filename: "/argo/staging/script",
      __dirname: "/argo/staging",
      Buffer,
      URL,
      URLSearchParams,
      TextEncoder,
      TextDecoder,
      AbortController,
      AbortSignal,
      structuredClone,
      queueMicrotask,
      fetch,
      atob,
      btoa,
      performance,
      setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...a: unknown[]) => {
        const t = setTimeout(() => {
          timers.delete(t);
          guard(() => fn(...a))();
          maybeDone();
        }, ms);
        timers.add(t);
        return t;
      },
      clearTimeout: (t: ReturnType<typeof setTimeout>) => {
        clearTimeout(t);
        timers.delete(t);
        maybeDone();
      },
      setInterval: (fn: (...a: unknown[]) => void, ms?: number, ...a: unknown[]) => {
        const t = setInterval(
          guard(() => fn(...a)),
          ms,
        );
        intervals.add(t);
        return t;
      },
      clearInterval: (t: ReturnType<typeof setInterval>) => {
        clearInterval(t);
        intervals.delete(t);
        maybeDone();
      },
      setImmediate: (fn: (...a: unknown[]) => void, ...a: unknown[]) => {
        const t = setTimeout(() => {
          timers.delete(t);
          guard(() => fn(...a))();
          maybeDone();
        }, 0);
        timers.add(t);
        return t;
      },
    });
    (ctx as { globalThis?: unknown }).globalThis = ctx;
    let value: unknown;
    try {
      value = compiled(source, "/argo/staging/script").runInContext(ctx);
    } catch (e) {
      return fail(e);
    }
    const then =
      value && typeof (value as { then?: unknown }).then === "function" ? (value as PromiseLike<unknown>) : undefined;
    if (!then) {
      completed = true;
      return maybeDone();
    }
    then.then(
      () => {
        completed = true;
        maybeDone();
      },
      (e: unknown) => fail(e),
    );
  });
}
