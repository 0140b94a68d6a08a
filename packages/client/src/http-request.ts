/**
 * Minimal HTTP(S) requests over `node:http`/`node:https`, with timeouts, abort
 * signals and line streaming. Used for watches and logs in Kubernetes mode and
 * for everything in Argo Server mode, so both modes share transport behaviour.
 */
import http from "node:http";
import https from "node:https";

/** Where and how to send requests: a base URL, an agent carrying TLS settings, and headers. */
export interface HttpTarget {
  /** Base URL, e.g. `https://127.0.0.1:6443`; paths are appended to it. */
  readonly baseUrl: string;
  /** Agent carrying TLS settings (CA, client certificate, skip-verify). @default the global agent */
  readonly agent?: http.Agent;
  /** Headers sent with every request, e.g. `Authorization`. @default {} */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Options for one request. */
export interface RequestOptions {
  /** HTTP method. @default "GET" */
  readonly method?: string;
  /** JSON body. @default undefined */
  readonly body?: unknown;
  /** Content type of the body. @default "application/json" */
  readonly contentType?: string;
  /** Give up after this many milliseconds (0 = never). For streams: until headers arrive. @default 0 */
  readonly timeoutMs?: number;
  /** Abort the request. @default undefined */
  readonly signal?: AbortSignal;
}

/** A response whose body was read completely. */
export interface HttpResponse {
  readonly status: number;
  /** The `Warning` header(s), joined with `, `. @default undefined */
  readonly warning?: string;
  readonly body: unknown;
  readonly text: string;
}

/** A response whose body is being streamed line by line. */
export interface HttpStream {
  readonly status: number;
  /** Lines of the body (without the newline). Ends when the server closes. */
  readonly lines: AsyncIterable<string>;
  /** Stops reading and closes the connection. */
  close(): void;
}

/** Raised when a request took longer than `timeoutMs`. @example `if (e instanceof RequestTimeoutError) ...` */
export class RequestTimeoutError extends Error {
  readonly code = "ETIMEDOUT";
  constructor(readonly timeoutMs: number) {
    super(`no response within ${formatMs(timeoutMs)}`);
    this.name = "RequestTimeoutError";
  }
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function open(target: HttpTarget, path: string, options: RequestOptions): Promise<http.IncomingMessage> {
  const url = new URL(target.baseUrl.replace(/\/+$/, "") + path);
  const mod = url.protocol === "http:" ? http : https;
  const body = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  const headers: Record<string, string> = { Accept: "application/json", ...target.headers };
  if (body) {
    headers["Content-Type"] = options.contentType ?? "application/json";
    headers["Content-Length"] = String(body.length);
  }
  return new Promise((resolve, reject) => {
    const req = mod.request(url, {
      method: options.method ?? "GET",
      headers,
      agent: target.agent,
      signal: options.signal,
    });
    let timer: NodeJS.Timeout | undefined;
    if (options.timeoutMs) {
      const ms = options.timeoutMs;
      timer = setTimeout(() => req.destroy(new RequestTimeoutError(ms)), ms);
    }
    req.on("response", (res) => {
      if (timer) clearTimeout(timer);
      resolve(res);
    });
    req.on("error", (err) => {
      if (timer) clearTimeout(timer);
      reject(err);
    });
    req.end(body);
  });
}

async function readAll(res: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Sends one request and reads the whole (JSON) response.
 *
 * @example
 * ```ts
 * const res = await request({ baseUrl: "https://argo.example.com" }, "/api/v1/workflows/argo", { timeoutMs: 30_000 });
 * ```
 */
export async function request(target: HttpTarget, path: string, options: RequestOptions = {}): Promise<HttpResponse> {
  const res = await open(target, path, options);
  let timer: NodeJS.Timeout | undefined;
  try {
    const text = await new Promise<string>((resolve, reject) => {
      if (options.timeoutMs) {
        const ms = options.timeoutMs;
        timer = setTimeout(() => {
          const err = new RequestTimeoutError(ms);
          res.destroy(err);
          reject(err);
        }, ms);
      }
      readAll(res).then(resolve, reject);
    });
    const w = res.headers.warning;
    const warning = Array.isArray(w) ? w.join(", ") : w;
    return { status: res.statusCode ?? 0, body: parse(text), text, ...(warning ? { warning } : {}) };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/**
 * Opens a streaming request (watch, follow logs). A non-2xx answer is read in
 * full and returned as an {@link HttpResponse} instead.
 *
 * @example
 * ```ts
 * const s = await stream(target, "/api/v1/namespaces/default/pods/p/log?follow=true", { signal });
 * if ("lines" in s) for await (const line of s.lines) console.log(line);
 * ```
 */
export async function stream(
  target: HttpTarget,
  path: string,
  options: RequestOptions = {},
): Promise<HttpStream | HttpResponse> {
  const res = await open(target, path, options);
  const status = res.statusCode ?? 0;
  if (status < 200 || status > 299) {
    const text = await readAll(res);
    return { status, body: parse(text), text };
  }
  res.setEncoding("utf8");
  async function* lines(): AsyncGenerator<string> {
    let buf = "";
    try {
      for await (const chunk of res) {
        buf += chunk as string;
        let nl: number;
        while ((nl = buf.indexOf("\n")) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          yield line;
        }
      }
    } catch (err) {
      // a connection cut mid-stream surfaces as an error; an abort is a normal end
      if (options.signal?.aborted) return;
      throw err;
    }
    if (buf.length > 0) yield buf;
  }
  return {
    status,
    lines: lines(),
    close: () => res.destroy(),
  };
}
