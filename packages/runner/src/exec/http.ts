/**
 * An {@link Executor} for `http` templates, as Argo's agent runs them: one real request (method,
 * url, headers, body, `timeoutSeconds`, `insecureSkipVerify`), the response body as
 * `outputs.result`, success when the status is 2xx or when `successCondition` holds.
 */
import type { Executor, PodRequest, PodResult } from "../executor.js";
import { evaluateBool } from "../expr/evaluate.js";

/**
 * Options of {@link HttpExecutor}.
 *
 * @example
 * ```ts
 * new HttpExecutor({ secrets: { api: { token: "s3cr3t" } } });
 * ```
 */
export interface HttpExecutorOptions {
  /** Evaluates `successCondition` (an expr-lang boolean expression) over `{ request, response }`. @default the runner's expr-lang evaluator */
  readonly evalBool?: (expression: string, env: Record<string, unknown>) => boolean;
  /** Secrets by name (key -> value), for headers' `valueFrom.secretKeyRef`. @default {} */
  readonly secrets?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The fetch to use. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

/**
 * Runs `http` templates with real requests.
 *
 * @example
 * ```ts
 * const r = await new HttpExecutor().run(request); // request.template.http.url = "https://example.com"
 * ```
 */
export class HttpExecutor implements Executor {
  readonly options: HttpExecutorOptions;

  constructor(options: HttpExecutorOptions = {}) {
    this.options = options;
  }

  /** Sends the request and reports the node. */
  async run(req: PodRequest): Promise<PodResult> {
    const h = req.template.http;
    if (!h)
      return {
        exitCode: 1,
        stdout: "",
        phase: "Error",
        message: `template ${req.templateName} is not an http template`,
      };
    const headers = new Headers();
    const plain: Record<string, string[]> = {};
    for (const x of h.headers ?? []) {
      let value = x.value ?? "";
      const ref = x.valueFrom?.secretKeyRef;
      if (ref) {
        const v = this.options.secrets?.[ref.name ?? ""]?.[ref.key];
        if (v === undefined)
          return {
            exitCode: 1,
            stdout: "",
            phase: "Error",
            message: `header ${x.name}: secret ${ref.name} key ${ref.key} was not given: pass it with --secret ${ref.name}=PATH`,
          };
        value = v;
      }
      headers.append(x.name, value);
      (plain[x.name] ??= []).push(value);
    }
    const ac = new AbortController();
    const stop = (): void => ac.abort(req.signal.reason);
    req.signal.addEventListener("abort", stop, { once: true });
    const timer =
      h.timeoutSeconds !== undefined
        ? setTimeout(
            () => ac.abort(new Error(`context deadline exceeded (timeoutSeconds ${h.timeoutSeconds})`)),
            Number(h.timeoutSeconds) * 1000,
          )
        : undefined;
    const method = h.method || "GET";
    const body = h.bodyFrom?.bytes !== undefined ? Buffer.from(h.bodyFrom.bytes, "base64") : h.body;
    const prevTls = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    try {
      if (h.insecureSkipVerify) process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
      const res = await (this.options.fetch ?? fetch)(h.url, {
        method,
        headers,
        signal: ac.signal,
        ...(body !== undefined && body !== "" && method !== "GET" && method !== "HEAD" ? { body } : {}),
      });
      const text = await res.text();
      for (const l of text.split("\n").slice(0, 200)) req.onLog(l, "stdout", "main");
      if (!h.successCondition) {
        if (res.status >= 200 && res.status < 300) return { exitCode: 0, stdout: text };
        return { exitCode: 1, stdout: text, phase: "Failed", message: `received non-2xx response code: ${res.status}` };
      }
      const resHeaders: Record<string, string[]> = {};
      res.headers.forEach((v, k) => {
        (resHeaders[k.replace(/(^|-)([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase())] ??= []).push(v);
      });
      const env = {
        request: { method, url: h.url, body: h.body ?? "", bodyBytes: h.bodyFrom?.bytes ?? "", headers: plain },
        response: { statusCode: res.status, body: text, headers: resHeaders },
      };
      let ok: boolean;
      try {
        ok = (this.options.evalBool ?? evaluateBool)(h.successCondition, env);
      } catch (e) {
        return { exitCode: 1, stdout: text, phase: "Error", message: (e as Error).message };
      }
      return ok
        ? { exitCode: 0, stdout: text }
        : {
            exitCode: 1,
            stdout: text,
            phase: "Failed",
            message: `successCondition '${h.successCondition}' evaluated false`,
          };
    } catch (e) {
      if (req.signal.aborted) return { exitCode: 137, stdout: "", phase: "Failed", message: "stopped" };
      const err = e as Error & { cause?: { message?: string; code?: string } };
      const why = err.cause?.message ?? err.message;
      return { exitCode: 1, stdout: "", phase: "Error", message: `${method} ${h.url}: ${why}` };
    } finally {
      if (h.insecureSkipVerify) {
        if (prevTls === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
        else process.env.NODE_TLS_REJECT_UNAUTHORIZED = prevTls;
      }
      if (timer) clearTimeout(timer);
      req.signal.removeEventListener("abort", stop);
    }
  }
}
