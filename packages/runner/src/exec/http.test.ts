import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Template } from "@wfc/sdk/argo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PodRequest } from "../executor.js";
import { HttpExecutor } from "./http.js";

const server = createServer((req, res) => {
  if (req.url === "/missing") {
    res.statusCode = 404;
    return res.end("no");
  }
  res.setHeader("x-seen", String(req.headers["x-token"] ?? ""));
  let body = "";
  req.on("data", (c: Buffer) => (body += c.toString()));
  req.on("end", () => res.end(`${req.method} ${body}`));
});
let base = "";
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const req = (http: Template["http"]): PodRequest => ({
  nodeId: "n",
  nodeName: "n",
  podName: "p",
  workflowName: "w",
  template: { name: "h", http },
  templateName: "h",
  retry: 0,
  stage: [],
  collect: [],
  volumes: [],
  workdir: "/x",
  signal: new AbortController().signal,
  onLog: () => undefined,
});

describe("HttpExecutor", () => {
  const ex = new HttpExecutor({ secrets: { api: { token: "s3cr3t" } } });
  it("sends the request; the body is the result; 2xx succeeds", async () => {
    const r = await ex.run(
      req({
        url: `${base}/x`,
        method: "POST",
        body: "hello",
        headers: [{ name: "x-token", valueFrom: { secretKeyRef: { name: "api", key: "token" } } }],
      }),
    );
    expect(r).toEqual({ exitCode: 0, stdout: "POST hello" });
  });
  it("non-2xx fails with Argo's message", async () => {
    expect(await ex.run(req({ url: `${base}/missing` }))).toMatchObject({
      phase: "Failed",
      message: "received non-2xx response code: 404",
      stdout: "no",
    });
  });
  it("successCondition is evaluated on the response", async () => {
    expect(await ex.run(req({ url: `${base}/missing`, successCondition: "response.statusCode == 404" }))).toMatchObject(
      { exitCode: 0 },
    );
    expect(await ex.run(req({ url: `${base}/x`, successCondition: 'response.body contains "nope"' }))).toMatchObject({
      phase: "Failed",
      message: `successCondition 'response.body contains "nope"' evaluated false`,
    });
  });
  it("a missing secret names it and the flag", async () => {
    expect(
      (
        await ex.run(
          req({ url: base, headers: [{ name: "a", valueFrom: { secretKeyRef: { name: "other", key: "k" } } }] }),
        )
      ).message,
    ).toBe("header a: secret other key k was not given: pass it with --secret other=PATH");
  });
});
