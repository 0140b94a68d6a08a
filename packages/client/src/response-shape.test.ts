import { describe, expect, it } from "vitest";
import type { ErrorContext } from "./error-mapping.js";
import type { HttpResponse } from "./http-request.js";
import { expectShape, firstBytes } from "./response-shape.js";

const ctx: ErrorContext = { action: 'getting Workflow "a"', server: "https://h", credentials: 'context "c"' };
const url = "https://u:PW@h/apis/argoproj.io/v1alpha1/namespaces/ci/workflows/a";

function json(body: unknown, contentType = "application/json"): HttpResponse {
  const text = JSON.stringify(body);
  return { status: 200, body, text, json: true, contentType };
}

function fails(res: HttpResponse, want: Parameters<typeof expectShape>[3]): string {
  try {
    expectShape(res, ctx, url, want);
  } catch (e) {
    expect(e).toMatchObject({ code: "UnexpectedResponse" });
    return (e as Error).message;
  }
  throw new Error("expected an UnexpectedResponse");
}

describe("expectShape", () => {
  it("accepts the object asked for, and lists with items", () => {
    const wf = { kind: "Workflow", metadata: { name: "a" } };
    expect(expectShape(json(wf), ctx, url, { shape: "object", kind: "Workflow", name: "a" })).toBe(wf);
    const list = { kind: "WorkflowList", metadata: {}, items: [wf] };
    expect(expectShape(json(list), ctx, url, { shape: "list", kind: "Workflow" })).toBe(list);
    // Argo Server: no kind, items null for an empty list
    expect(
      expectShape(json({ metadata: {}, items: null }), ctx, url, {
        shape: "list",
        kind: "Workflow",
        itemsOptional: true,
      }),
    ).toEqual({ metadata: {}, items: [] });
    expect(
      expectShape(json({ metadata: { name: "a" } }), ctx, url, {
        shape: "object",
        kind: "Workflow",
        kindOptional: true,
      }),
    ).toEqual({ metadata: { name: "a" } });
  });

  it("names the URL without credentials and what came back", () => {
    const html = "<!DOCTYPE html><title>Login</title>";
    const msg = fails(
      { status: 200, body: html, text: html, json: false, contentType: "text/html" },
      { shape: "object", kind: "Workflow" },
    );
    expect(msg).toBe(
      'getting Workflow "a": unexpected answer from https://<redacted>@h/apis/argoproj.io/v1alpha1/namespaces/ci/workflows/a: expected a Workflow as JSON, got 200, text/html, 35 bytes: "<!DOCTYPE html><title>Login</title>"; a proxy or login page answered instead of the API server: check the server address, or log in through the proxy',
    );
    expect(fails(json({ kind: "Status" }), { shape: "object", kind: "Workflow" })).toMatch(/got kind "Status": /);
    expect(fails(json({ kind: "Workflow", metadata: {} }), { shape: "object", kind: "Workflow" })).toMatch(
      /got an object without metadata\.name: /,
    );
    expect(
      fails(json({ kind: "Workflow", metadata: { name: "b" } }), { shape: "object", kind: "Workflow", name: "a" }),
    ).toMatch(/got an object named "b": /);
    expect(fails(json([1]), { shape: "list", kind: "Workflow" })).toMatch(/got JSON that is not an object: /);
    expect(fails(json({ kind: "WorkflowList", items: {} }), { shape: "list", kind: "Workflow" })).toMatch(
      /items are not an array/,
    );
    expect(fails(json({ kind: "WorkflowList", items: [{}] }), { shape: "list", kind: "Workflow" })).toMatch(
      /item 0 has no metadata\.name/,
    );
    expect(fails(json({ kind: "WorkflowList" }), { shape: "list", kind: "Workflow" })).toMatch(/a list without items/);
  });
});

describe("firstBytes", () => {
  it("collapses whitespace, escapes control characters and says how much is left", () => {
    expect(firstBytes("a\n\n b")).toBe('"a b"');
    expect(firstBytes("\u0000\u0001xyz")).toBe('"\\\\x00\\\\x01xyz"');
    expect(firstBytes("x".repeat(100), 10)).toBe('"xxxxxxxxxx" (and 90 more bytes)');
  });
});
