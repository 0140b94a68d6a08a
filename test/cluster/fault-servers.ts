/**
 * Misbehaving servers of the transport tests' own, on 127.0.0.1: a server answering with whatever a test
 * hands it, a proxy that stalls chosen requests after sending their headers, and a bounded `wfc` run
 * (killed after a deadline, so a hang fails the test instead of blocking it).
 */
import { chmodSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type Run, scratch, wfc } from "./harness.js";

/** A request as the fault server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
}

/** A started fault server. */
export interface FaultServer {
  readonly url: string;
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a server answering every request with `handler`. */
export async function faultServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<FaultServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization });
    req.resume();
    req.on("end", () => handler(req, res));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * A proxy to `target` (an http:// URL) that forwards every request, except that a request `stall`
 * matches gets its answer's headers and then nothing, until the client gives up.
 */
export async function stallingProxy(target: string, stall: (url: string) => boolean): Promise<FaultServer> {
  const requests: SeenRequest[] = [];
  const to = new URL(target);
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization });
    if (stall(req.url ?? "")) {
      res.writeHead(200, { "Content-Type": "application/json", "Transfer-Encoding": "chunked" });
      res.flushHeaders();
      req.resume();
      return;
    }
    const fwd = http.request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    fwd.on("error", () => res.destroy());
    req.pipe(fwd);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A bounded `wfc` run: killed after `deadlineMs`, and `timedOut` says so. */
export async function wfcWithin(
  deadlineMs: number,
  args: readonly string[],
  env: Record<string, string>,
): Promise<Run & { readonly timedOut: boolean; readonly ms: number }> {
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const started = Date.now();
  const r = await wfc(args, env, {
    onSpawn: (child) => {
      timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, deadlineMs);
    },
  });
  if (timer) clearTimeout(timer);
  return { ...r, timedOut, ms: Date.now() - started };
}

/** Writes `text` as a kubeconfig file and returns its path. */
export function kubeconfigText(text: string | Buffer, dir = scratch()): string {
  const p = path.join(dir, "config");
  writeFileSync(p, text);
  return p;
}

/** A YAML kubeconfig with one context `ctx` for `server` and the given user fields (YAML lines). */
export function kubeconfigYaml(
  server: string,
  userLines: readonly string[] = [],
  clusterLines: readonly string[] = [],
): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "current-context: ctx",
    "clusters:",
    "  - name: c",
    "    cluster:",
    `      server: ${server}`,
    ...clusterLines.map((l) => `      ${l}`),
    "users:",
    "  - name: u",
    "    user:",
    ...(userLines.length ? userLines.map((l) => `      ${l}`) : ["      {}"]),
    "contexts:",
    "  - name: ctx",
    "    context: { cluster: c, user: u, namespace: ci }",
    "",
  ].join("\n");
}

/** Writes an executable shell script and returns its path. */
export function script(name: string, body: string, dir = scratch()): string {
  const p = path.join(dir, name);
  writeFileSync(p, `#!/bin/sh\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}

/** Asserts nothing of `secrets` is in either stream and no stack trace is printed. */
export function clean(r: Run, secrets: readonly string[]): string[] {
  const problems: string[] = [];
  for (const s of secrets) {
    if (r.stdout.includes(s)) problems.push(`stdout holds ${s}`);
    if (r.stderr.includes(s)) problems.push(`stderr holds ${s}`);
  }
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(r.stderr)) problems.push("stderr holds a stack trace");
  return problems;
}
