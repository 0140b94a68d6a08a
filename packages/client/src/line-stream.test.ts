import { describe, expect, it } from "vitest";
import { freePort, lineServerPerTest } from "../../../test/k8s-double/line-server.js";
import { ClusterError } from "./errors.js";
import { jsonLines, streamLines } from "./line-stream.js";

const ctx = { action: 'reading the logs of pod "p"', server: "http://test", credentials: 'context "t"' };
const serve = lineServerPerTest();

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const v of it) out.push(v);
  return out;
}

describe("streamLines", () => {
  it("yields every line of the body, empty ones and an unterminated last one included", async () => {
    const server = await serve((_req, res) => {
      res.write("one\n\nth");
      setTimeout(() => res.end("ree\nlast"), 10);
    });
    const lines = await collect(
      streamLines({ baseUrl: server.url }, "/log", { ctx, signal: new AbortController().signal }),
    );
    expect(lines).toEqual(["one", "", "three", "last"]);
  });

  it("turns a non-2xx answer into the ClusterError of its status", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(403, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ kind: "Status", reason: "Forbidden", message: 'pods "p" is forbidden', code: 403 }));
    });
    const err = await collect(
      streamLines({ baseUrl: server.url }, "/log", { ctx, signal: new AbortController().signal }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterError);
    expect((err as ClusterError).code).toBe("Forbidden");
    expect((err as ClusterError).message).toMatch(/^reading the logs of pod "p": /);
  });

  it("turns a refused connection into ConnectionRefused", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const err = await collect(
      streamLines({ baseUrl: url }, "/log", { ctx, signal: new AbortController().signal }),
    ).catch((e: unknown) => e);
    expect((err as ClusterError).code).toBe("ConnectionRefused");
  });

  it("ends quietly when the signal aborts mid-stream, and closes the connection", async () => {
    const server = await serve((_req, res) => res.write("first\n"));
    const abort = new AbortController();
    const seen: string[] = [];
    for await (const line of streamLines({ baseUrl: server.url }, "/log", { ctx, signal: abort.signal })) {
      seen.push(line);
      abort.abort();
    }
    expect(seen).toEqual(["first"]);
    await server.closed(0);
  });

  it("closes the connection when the reader stops early", async () => {
    const server = await serve((_req, res) => res.write("a\nb\n"));
    for await (const line of streamLines({ baseUrl: server.url }, "/log", {
      ctx,
      signal: new AbortController().signal,
    })) {
      expect(line).toBe("a");
      break;
    }
    await server.closed(0);
  });
});

describe("jsonLines", () => {
  it("parses one message per line, skipping blank lines", async () => {
    const server = await serve((_req, res) => res.end('{"n":1}\n\n  \n{"n":2}\n'));
    const msgs = await collect(
      jsonLines<{ n: number }>({ baseUrl: server.url }, "/watch", { ctx, signal: new AbortController().signal }),
    );
    expect(msgs).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("a line that is not JSON (a login page) is an UnexpectedResponse naming the URL and the first bytes", async () => {
    const server = await serve((_req, res) => res.end('{"n":1}\n<!DOCTYPE html><title>Sign in</title>\n'));
    const err = await collect(
      jsonLines<{ n: number }>({ baseUrl: server.url }, "/watch?token=s3cr3t", {
        ctx,
        signal: new AbortController().signal,
      }),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "UnexpectedResponse" });
    expect(String((err as Error).message)).toContain('got "<!DOCTYPE html><title>Sign in</title>"');
    expect(String((err as Error).message)).toContain("/watch?token=<redacted>");
    expect(String((err as Error).message)).not.toContain("s3cr3t");
  });
});
