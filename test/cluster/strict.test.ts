/**
 * Nothing invalid reaches the cluster (issue 12): `submit` and `apply` run the strict check of
 * `wfc lint` before sending, send with `fieldValidation=Strict`, print the server's warnings, and
 * create nothing when any document is invalid; the double honours `fieldValidation` as the API
 * server does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, CRON_YAML, file, ROOT, startCluster, TEMPLATE_YAML, wfc } from "./harness.js";

let c: Cluster;
beforeAll(async () => {
  c = await startCluster({
    warn: (obj) => (obj.metadata?.labels?.deprecated ? ["argoproj.io/v1alpha1 label deprecated is deprecated"] : []),
  });
});
afterAll(() => c.close());

const MISSPELT = `${ROOT}test/fixtures/misspelt/pipeline.ts`;
const writes = () => c.k8s.requests.filter((r) => r.method === "POST" || r.method === "PUT" || r.method === "PATCH");

describe.sequential("strict check before sending", () => {
  it("submit of a .ts with comand, retryStategy, serviceAcountName exits 1 with each path and the user's line; nothing is sent", async () => {
    const before = writes().length;
    for (const extra of [[], ["--dry-run=server"], ["--dry-run=client"]]) {
      const r = await wfc(["submit", MISSPELT, ...extra], c.env);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(
        `${MISSPELT}:11:16: Workflow/misspelt: spec.serviceAcountName: unknown field [E_SCHEMA]\n`,
      );
      expect(r.stderr).toContain(
        `${MISSPELT}:6:13: Workflow/misspelt, template say: spec.templates[1].container.comand: unknown field [E_SCHEMA]\n`,
      );
      expect(r.stderr).toContain(
        `${MISSPELT}:6:13: Workflow/misspelt, template say: spec.templates[1].retryStategy: unknown field [E_SCHEMA]\n`,
      );
      expect(r.stderr).toMatch(/error: 3 problems found; nothing was sent \[E_SCHEMA\]\n$/);
    }
    expect(writes().length).toBe(before);
    expect(c.k8s.store.list("workflows", "ci").filter((w) => w.metadata.name === "misspelt")).toEqual([]);
  });

  it("apply validates every document before sending the first: one bad document, nothing created", async () => {
    const before = writes().length;
    const bad = CRON_YAML.replace("name: nightly", "name: nightly-bad").replace(
      "image: alpine:3.20",
      "image: alpine:3.20\n          comand: [x]",
    );
    const f = file("all.yaml", `${TEMPLATE_YAML}---\n${bad}`);
    const r = await wfc(["apply", f], c.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${f}:29:11: CronWorkflow/nightly-bad, template main: spec.workflowSpec.templates[0].container.comand: unknown field [E_SCHEMA]`,
    );
    expect(writes().length).toBe(before);
    expect(c.k8s.store.list("workflowtemplates", "ci").filter((w) => w.metadata.name === "greet")).toEqual([]);
    const tpl = `${ROOT}test/fixtures/misspelt/template.ts`;
    const ts = await wfc(["apply", tpl], c.env);
    expect(ts.code).toBe(1);
    expect(ts.stderr).toContain(
      `${tpl}:4:13: WorkflowTemplate/misspelt-template, template say: spec.templates[1].container.comand: unknown field [E_SCHEMA]\n`,
    );
    expect(writes().length).toBe(before);
  });

  it("submit and apply send fieldValidation=Strict and print the server's Warning headers on stderr", async () => {
    const before = writes().length;
    const tpl = file(
      "t.yaml",
      TEMPLATE_YAML.replace("name: greet", "name: greet-strict\n  labels: { deprecated: 'y' }"),
    );
    const r = await wfc(["apply", tpl], c.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("workflowtemplate.argoproj.io/greet-strict created\n");
    expect(r.stderr).toBe("Warning: argoproj.io/v1alpha1 label deprecated is deprecated\n");
    const changed = file("t.yaml", TEMPLATE_YAML.replace("name: greet", "name: greet-strict").replace("world", "you"));
    expect((await wfc(["apply", changed], c.env)).code).toBe(0);
    const s = await wfc(["submit", "--from", "workflowtemplate/greet-strict"], c.env);
    expect(s.code).toBe(0);
    const sent = writes().slice(before);
    expect(sent.map((w) => `${w.method} ${w.query.fieldValidation}`)).toEqual([
      "POST Strict",
      "PUT Strict",
      "POST Strict",
    ]);
  });
});

describe.sequential("the double's fieldValidation", () => {
  const post = (query: string, body: object) =>
    fetch(`${c.k8s.httpUrl}/apis/argoproj.io/v1alpha1/namespaces/ci/workflowtemplates${query}`, {
      method: "POST",
      headers: { Authorization: "Bearer admin-token", "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  const tpl = (name: string) => ({
    apiVersion: "argoproj.io/v1alpha1",
    kind: "WorkflowTemplate",
    metadata: { name },
    spec: { entrypoint: "main", bogus: 1, templates: [{ name: "main", container: { image: "a", comand: ["x"] } }] },
  });

  it("Strict rejects unknown fields with a 400 strict decoding error naming them; nothing is stored", async () => {
    const r = await post("?fieldValidation=Strict", tpl("strict-one"));
    expect(r.status).toBe(400);
    const body = (await r.json()) as { reason: string; message: string };
    expect(body.reason).toBe("BadRequest");
    expect(body.message).toBe(
      'WorkflowTemplate in version "v1alpha1" cannot be handled as a WorkflowTemplate: strict decoding error: unknown field "spec.bogus", unknown field "spec.templates[0].container.comand"',
    );
    expect(() => c.k8s.store.get("workflowtemplates", "ci", "strict-one")).toThrow();
  });

  it("Warn (the default) drops them with a Warning header each; Ignore drops them silently", async () => {
    const w = await post("", tpl("warn-one"));
    expect(w.status).toBe(201);
    expect(w.headers.get("warning")).toBe(
      '299 - "unknown field \\"spec.bogus\\"", 299 - "unknown field \\"spec.templates[0].container.comand\\""',
    );
    const stored = c.k8s.store.get("workflowtemplates", "ci", "warn-one");
    expect(stored.spec.bogus).toBeUndefined();
    expect(stored.spec.templates[0].container).toEqual({ image: "a" });
    const i = await post("?fieldValidation=Ignore", tpl("ignore-one"));
    expect(i.status).toBe(201);
    expect(i.headers.get("warning")).toBeNull();
    expect((await post("?fieldValidation=Loose", tpl("x"))).status).toBe(400);
  });
});
