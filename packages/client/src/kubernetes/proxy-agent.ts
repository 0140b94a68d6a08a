/**
 * A kubeconfig cluster's `proxy-url` (an `http://` proxy): every connection to the API server is a
 * `CONNECT host:port` tunnel through the proxy, with TLS to the API server inside it for `https://`
 * servers, so the proxy sees neither the requests nor the credentials.
 */
import http from "node:http";
import https from "node:https";
import type { Duplex } from "node:stream";
import tls from "node:tls";
import { ClusterError } from "../errors.js";
import { safeUrl } from "../redact.js";

type Callback = (err: Error | null, socket?: Duplex) => void;

function tunnel(proxy: URL, host: string, port: number, done: (err: Error | null, socket?: Duplex) => void): void {
  const auth = proxy.username
    ? {
        "Proxy-Authorization": `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString("base64")}`,
      }
    : {};
  const target = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  const req = http.request({
    host: proxy.hostname,
    port: proxy.port || 80,
    method: "CONNECT",
    path: target,
    headers: { Host: target, ...auth },
  });
  req.once("connect", (res, socket) => {
    if (res.statusCode !== 200) {
      socket.destroy();
      done(
        new ClusterError(
          "NetworkError",
          `the proxy ${safeUrl(proxy.href)} (proxy-url in the kubeconfig) refused the tunnel to ${target}: ${res.statusCode} ${res.statusMessage ?? ""}`.trim(),
        ),
      );
      return;
    }
    done(null, socket);
  });
  req.once("error", (err: NodeJS.ErrnoException) =>
    done(
      new ClusterError(
        "NetworkError",
        `cannot reach the proxy ${safeUrl(proxy.href)} (proxy-url in the kubeconfig) to tunnel to ${target}: ${err.code ?? err.message}; check the proxy-url`,
        { cause: err },
      ),
    ),
  );
  req.end();
}

/**
 * An agent for `server` that tunnels through the `proxy-url` proxy; `tlsOptions` apply to the TLS
 * connection with the API server.
 *
 * @internal
 * @example
 * ```ts
 * const agent = proxyAgent(new URL("http://proxy:3128"), "https://10.0.0.1:6443", { ca });
 * ```
 */
export function proxyAgent(proxy: URL, server: string, tlsOptions: https.AgentOptions): http.Agent {
  if (proxy.protocol !== "http:") {
    throw new ClusterError(
      "ConfigError",
      `proxy-url ${safeUrl(proxy.href)}: only http:// proxies are supported (the API server's own TLS runs inside the tunnel)`,
    );
  }
  if (server.startsWith("http:")) {
    const agent = new http.Agent({ keepAlive: true });
    (agent as unknown as { createConnection: unknown }).createConnection = (
      opts: { host?: string; port?: number },
      cb: Callback,
    ): undefined => {
      tunnel(proxy, opts.host ?? "localhost", Number(opts.port ?? 80), cb);
      return undefined;
    };
    return agent;
  }
  const agent = new https.Agent({ keepAlive: true, ...tlsOptions });
  (agent as unknown as { createConnection: unknown }).createConnection = (
    opts: tls.ConnectionOptions & { host?: string; port?: number },
    cb: Callback,
  ): undefined => {
    tunnel(proxy, opts.host ?? "localhost", Number(opts.port ?? 443), (err, socket) => {
      if (err || !socket) return cb(err ?? new Error("no tunnel"));
      const secure = tls.connect({ ...opts, socket, servername: opts.servername ?? opts.host });
      secure.once("secureConnect", () => cb(null, secure));
      secure.once("error", (e) => cb(e));
    });
    return undefined;
  };
  return agent;
}
