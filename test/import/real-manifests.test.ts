/**
 * `wfc import` of manifests from outside the upstream examples (issue 13): one fixture per
 * construct that used to be refused or not to type-check, `kubectl get -o yaml` dumps of live
 * objects, YAML in Hera's style, a selection of Argo's own e2e test manifests, and the manifests
 * `wfc build` wrote from the project's examples (examples/golden/). Each set is
 * imported, type-checked with one `tsc --strict` and rebuilt; the rebuild is compared
 * (Kubernetes-equal) with the input after the import's own normalisation (server fields, pre-v4
 * forms, empty `inputs: {}`), which the module's header states.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ImportError, importModule, normalizeDocument } from "@wfc/import";
import { describe, expect, it } from "vitest";
import { OUT, ROOT, roundTrip, summary } from "./harness.js";

const FIXTURES = join(ROOT, "test/import/fixtures");
const normalized = (d: unknown): unknown => {
  const c = structuredClone(d) as Record<string, unknown>;
  normalizeDocument(c);
  return c;
};
const yamlFiles = (dir: string) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith(".yaml"))
    .sort();
const run = (dir: string) =>
  roundTrip(undefined, {
    dir: join(FIXTURES, dir),
    files: yamlFiles(dir),
    out: join(OUT, "..", dir),
    expected: normalized,
  });

describe("wfc import: constructs of issue 13", () => {
  it("imports, type-checks and rebuilds each construct exactly", async () => {
    const rt = await run("constructs");
    console.log(summary(rt));
    expect(rt.results.map((r) => r.file)).toEqual(yamlFiles("constructs"));
    expect(rt.results.filter((r) => r.status !== "ok")).toEqual([]);
  }, 120_000);

  it("converts pre-v4 forms as argo convert does, and says so", () => {
    const text = readFileSync(join(FIXTURES, "constructs/legacy-cron-schedule.yaml"), "utf8");
    const { code, notes } = importModule(text, "legacy.yaml");
    expect(notes).toEqual([
      "legacy.yaml: CronWorkflow/legacy-cron: converted pre-v4 forms to v4, as `argo convert` does (spec.schedule, spec.workflowSpec.synchronization, spec.workflowSpec.templates[0].synchronization)",
    ]);
    expect(code).toContain('schedules: ["*/5 * * * *"]');
    expect(code).toContain('synchronization: { mutexes: [{ name: "main-lock" }] }');
    expect(code).toContain("// CronWorkflow/legacy-cron: converted pre-v4 forms");
  });
});

describe("wfc import: live objects (kubectl get -o yaml)", () => {
  it("drops server-set fields and status, rebuilds the same spec, for a Workflow and a List", async () => {
    const rt = await run("live");
    console.log(summary(rt));
    expect(rt.results.filter((r) => r.status !== "ok")).toEqual([]);
    expect(rt.results).toHaveLength(2);
  }, 120_000);

  it("says what it dropped in one line per document, and keeps the fields when asked", () => {
    const text = readFileSync(join(FIXTURES, "live/workflow-get.yaml"), "utf8");
    const { code, notes } = importModule(text, "wf.yaml");
    expect(notes[0]).toMatch(/^wf\.yaml: Workflow\/hello-x7k2p: dropped server-set fields \(status, metadata\.uid, /);
    expect(notes[0]).toContain("metadata.name (generated from generateName)");
    expect(notes[1]).toBe(
      "wf.yaml: Workflow/hello-x7k2p: dropped 6 empty `inputs: {}` / `outputs: {}` / `arguments: {}` (the same to Argo)",
    );
    expect(code).not.toContain(`resourceVersion: "48213"`);
    expect(code).not.toContain('kubectl.kubernetes.io/last-applied-configuration":');
    expect(code).toContain('labels: { team: "data" }');
    const kept = importModule(text, "wf.yaml", { keepServerFields: true }).code;
    expect(kept).toContain('resourceVersion: "48213"');
    expect(kept).toContain('name: "hello-x7k2p"');
    expect(kept).not.toContain("progress");
  });
});

describe("wfc import: YAML in Hera's style", () => {
  it("round-trips explicit defaults and inline templates", async () => {
    const rt = await run("hera");
    console.log(summary(rt));
    expect(rt.results.filter((r) => r.status !== "ok")).toEqual([]);
    expect(rt.results).toHaveLength(3);
  }, 120_000);
});

describe("wfc import: the project's own built manifests (examples/golden)", () => {
  it("round-trips every golden file wfc build wrote from examples/", async () => {
    const dir = join(ROOT, "examples/golden");
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .sort();
    const rt = await roundTrip(undefined, { dir, files, out: join(OUT, "..", "golden"), expected: normalized });
    console.log(summary(rt));
    expect(files.length).toBeGreaterThan(3);
    expect(rt.results.filter((r) => r.status !== "ok")).toEqual([]);
    expect(rt.results).toHaveLength(files.length);
  }, 120_000);
});

/** Argo's e2e manifests that are invalid, each with the start of the reason `wfc import` gives. */
const REFUSED: Record<string, RegExp> = {
  "expectedfailures__dag-failFast-hang.yaml": /:4:3: metadata\.generateName: must be a lowercase RFC 1123 subdomain/,
  "expectedfailures__empty-parameter-dag.yaml":
    /inputs\.parameters\.message was not supplied: template "whalesay" requires it and the call "a" does not pass it/,
  "expectedfailures__empty-parameter-steps.yaml":
    /inputs\.parameters\.message was not supplied: template "whalesay" requires it and the call "a" does not pass it/,
  "expectedfailures__misreference-template-name.yaml":
    /:21:13: spec\.templates\[0\]\.steps\[1\]\[0\]\.template: template "hell0" does not exist/,
  "functional__k8s-jobs.yaml": /:8:1: metadata\.name: name or generateName is required/,
  "lintfail__disallow-unknown.yaml": /:15:7: spec\.templates\[0\]\.container\.someExtraField: unknown field/,
  "lintfail__invalid-spec.yaml": /spec\.entrypoint: template "doesnotexist" does not exist/,
  "lintfail__malformed-spec.yaml": /:9:3: spec\.entrypoint: must be of type string, got array/,
  "testdata__workflow-template-invalid-entrypoint.yaml":
    /:28:13: spec\.templates\[0\]\.container\.volumeMounts\[0\]\.mountPath: required/,
  "testdata__workflow-template-invalid-onexit.yaml":
    /:33:13: spec\.templates\[1\]\.container\.volumeMounts\[0\]\.mountPath: required/,
};

describe("wfc import: Argo's own e2e manifests (test/import/fixtures/argo-e2e)", () => {
  it("round-trips every valid one and refuses every invalid one with its reason", async () => {
    const rt = await run("argo-e2e");
    console.log(summary(rt));
    const failing = rt.results.filter((r) => r.status !== "ok");
    expect(Object.fromEntries(failing.map((r) => [r.file, r.status]))).toEqual(
      Object.fromEntries(Object.keys(REFUSED).map((f) => [f, "import"])),
    );
    for (const r of failing) expect(r.detail, r.file).toMatch(REFUSED[r.file]!);
    expect(rt.results.length - failing.length).toBe(yamlFiles("argo-e2e").length - Object.keys(REFUSED).length);
  }, 120_000);

  it("refuses with E_IMPORT_INVALID", () => {
    for (const f of Object.keys(REFUSED)) {
      const text = readFileSync(join(FIXTURES, "argo-e2e", f), "utf8");
      let err: unknown;
      try {
        importModule(text, f);
      } catch (e) {
        err = e;
      }
      expect(err, f).toBeInstanceOf(ImportError);
      expect((err as ImportError).code, f).toBe("E_IMPORT_INVALID");
    }
  });
});

describe("wfc import: names Argo and wfc build refuse", () => {
  const wf = (kind: string, meta: string, templates: string) =>
    `apiVersion: argoproj.io/v1alpha1\nkind: ${kind}\nmetadata:\n${meta}\nspec:\n  templates:\n${templates}`;
  it("refuses a template without a name", () => {
    expect(() =>
      importModule(wf("Workflow", "  generateName: x-", "    - container:\n        image: busybox\n"), "a.yaml"),
    ).toThrow(/^a\.yaml:7:7: spec\.templates\[0\]\.name: template name is required$/);
  });
  it("refuses a WorkflowTemplate with only a generateName, as wfc build does", () => {
    expect(() =>
      importModule(
        wf("WorkflowTemplate", "  generateName: lib-", "    - name: t\n      container:\n        image: busybox\n"),
        "b.yaml",
      ),
    ).toThrow(/^b\.yaml:4:3: a WorkflowTemplate needs metadata\.name: generateName is for Workflows/);
  });
});
