/**
 * A plain HTTP server for unit tests of streaming readers: each test answers requests with its own
 * handler and can see whether the client closed its connection.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

/** A running {@link startLineServer}. */
export interface LineServer {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Paths requested so far, with their query. */
  readonly requests: string[];
  /** Resolves when the client has closed the connection of the `n`th request (0-based). */
  closed(n: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a server on a free port of 127.0.0.1.
 *
 * @example
 * ```ts
 * const server = await startLineServer((_req, res) => res.end("a\nb\n"));
 * ```
 */
export async function startLineServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<LineServer> {
  const requests: string[] = [];
  const closes: Promise<void>[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    closes.push(new Promise((resolve) => res.on("close", () => resolve())));
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    closed: async (n) => {
      while (!closes[n]) await new Promise((r) => setTimeout(r, 5));
      await closes[n];
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * For one test file: a function that starts a server like {@link startLineServer}; each one is closed
 * after the test that started it.
 *
 * @example
 * ```ts
 * const serve = lineServerPerTest();
 * it("reads", async () => { const server = await serve((_req, res) => res.end("a\n")); ... });
 * ```
 */
export function lineServerPerTest(): (
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
) => Promise<LineServer> {
  const open: LineServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return async (handler) => {
    const server = await startLineServer(handler);
    open.push(server);
    return server;
  };
}

/**
 * A port nothing listens on (one the OS just handed out and took back).
 *
 * @example
 * ```ts
 * const refused = `http://127.0.0.1:${await freePort()}`;
 * ```
 */
export async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
