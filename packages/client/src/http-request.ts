/**
 * Minimal HTTP(S) requests over `node:http`/`node:https`, with timeouts, abort
 * signals and line streaming. Used for watches and logs in Kubernetes mode and
 * for everything in Argo Server mode, so both modes share transport behaviour.
 */
import http from "node:http";
import https from "node:https";
import { stringifyJson } from "@wfc/sdk/yaml";

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
  /** Streams only: give up when the body has sent nothing for this many milliseconds (0 = never). @default 0 */
  readonly idleTimeoutMs?: number;
  /** Abort the request. @default undefined */
  readonly signal?: AbortSignal;
}

/** A response whose body was read completely. */
export interface HttpResponse {
  readonly status: number;
  /** The parsed JSON body, or the text when it is not JSON. */
  readonly body: unknown;
  readonly text: string;
  /** The response headers (lower-case names). @default {} */
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
  /** The `Content-Type` header, without parameters, lower case; "" when absent. */
  readonly contentType?: string;
  /** Whether the body parsed as JSON. */
  readonly json?: boolean;
  /** The `Warning` header(s), joined with `, `. @default undefined */
  readonly warning?: string;
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

/** Raised when a stream sent nothing for `idleTimeoutMs`. @example `if (e instanceof StreamIdleError) ...` */
export class StreamIdleError extends Error {
  readonly code = "ETIMEDOUT";
  constructor(readonly idleMs: number) {
    super(`the stream sent nothing for ${formatMs(idleMs)}`);
    this.name = "StreamIdleError";
  }
}

/** `Content-Type` without parameters, lower case. */
function contentTypeOf(res: http.IncomingMessage): string {
  return String(res.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
}

/** Milliseconds as a short duration (`30s`, `500ms`). @internal */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(3))}s` : `${ms}ms`;
}

function open(target: HttpTarget, path: string, options: RequestOptions): Promise<http.IncomingMessage> {
  const url = new URL(target.baseUrl.replace(/\/+$/, "") + path);
  const mod = url.protocol === "http:" ? http : https;
  const body = options.body === undefined ? undefined : Buffer.from(stringifyJson(options.body));
  const headers: Record<string, string> = { Accept: "application/json", ...target.headers };
  if (body) {
    headers["Content-Type"] = options.contentType ?? "application/json";
    headers["Content-Length"] = String(body.length);
  }
  return new Promise((resolve, reject) => {
    const req = mod.request(url, { method: options.method ?? "GET", headers, agent: target.agent });
    // the signal is wired by hand, and only while the exchange lasts: Node's own `signal` option would
    // destroy a keep-alive socket already back in the agent's pool, an 'error' nobody listens to
    const signal = options.signal;
    let answer: http.IncomingMessage | undefined;
    const onAbort = (): void => {
      // a complete answer's socket may be back in the pool: leave it; otherwise destroy without an error
      // (a destroy with one is re-emitted on the socket, where nobody listens once it is pooled)
      if (answer?.complete) return;
      req.destroy();
    };
    if (signal) {
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
      const done = (): void => signal.removeEventListener("abort", onAbort);
      req.on("close", done);
      req.on("response", (res) => {
        answer = res;
        res.on("close", done);
      });
    }
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

function parse(text: string): { body: unknown; json: boolean } {
  try {
    return { body: JSON.parse(text), json: true };
  } catch {
    return { body: text, json: false };
  }
}

function response(res: http.IncomingMessage, text: string): HttpResponse {
  const { body, json } = parse(text);
  const w = res.headers.warning;
  const warning = Array.isArray(w) ? w.join(", ") : w;
  return {
    status: res.statusCode ?? 0,
    body,
    text,
    json,
    headers: res.headers,
    contentType: contentTypeOf(res),
    ...(warning ? { warning } : {}),
  };
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
    return response(res, text);
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
    return response(res, text);
  }
  res.setEncoding("utf8");
  let idle: NodeJS.Timeout | undefined;
  const idleMs = options.idleTimeoutMs ?? 0;
  const arm = (): void => {
    if (!idleMs) return;
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => res.destroy(new StreamIdleError(idleMs)), idleMs);
  };
  arm();
  async function* lines(): AsyncGenerator<string> {
    // the pieces of the line being read: a long line arriving in many chunks is joined once (linear)
    let pending: string[] = [];
    try {
      for await (const chunk of res) {
        arm();
        const parts = (chunk as string).split("\n");
        if (parts.length === 1) {
          pending.push(parts[0]!);
          continue;
        }
        pending.push(parts[0]!);
        yield pending.join("");
        for (let i = 1; i < parts.length - 1; i++) yield parts[i]!;
        pending = [parts[parts.length - 1]!];
      }
    } catch (err) {
      // a connection cut mid-stream surfaces as an error; an abort is a normal end
      if (options.signal?.aborted) return;
      throw err;
    } finally {
      if (idle) clearTimeout(idle);
    }
    const rest = pending.join("");
    if (rest.length > 0) yield rest;
  }
  return {
    status,
    lines: lines(),
    close: () => {
      if (idle) clearTimeout(idle);
      res.destroy();
    },
  };
}
