import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseK8sYaml } from "../yaml/index.js";
import {
  assertValidManifests,
  isArgoKind,
  ManifestValidationError,
  validateManifest,
  validateManifests,
} from "./index.js";

const EXAMPLES = new URL("../../../../vendor/argo/examples/", import.meta.url);

function wf(spec: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: "argoproj.io/v1alpha1", kind: "Workflow", metadata: { generateName: "t-" }, spec, ...extra };
}
const main = (t: Record<string, unknown>) => wf({ entrypoint: "main", templates: [{ name: "main", ...t }] });

describe("upstream examples", () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".yaml"));
  test("there are 163 of them", () => expect(files).toHaveLength(163));
  test.each(files)("%s validates with zero issues", (f) => {
    const docs = parseK8sYaml(readFileSync(new URL(f, EXAMPLES), "utf8"), f);
    for (const d of docs.filter((d) => isArgoKind((d as { kind?: unknown }).kind))) {
      expect(validateManifest(d)).toEqual([]);
    }
  });
});

describe("negative cases", () => {
  test("unknown field, with exact path", () => {
    expect(main({ container: { image: "alpine", comand: ["echo"] } })).toSatisfy(
      (m) =>
        JSON.stringify(validateManifest(m)) ===
        JSON.stringify([{ path: "spec.templates[0].container.comand", message: "unknown field" }]),
    );
    expect(validateManifest(wf({ entrypoint: "main", templates: [], foo: 1 }))).toEqual([
      { path: "spec.foo", message: "unknown field" },
    ]);
    expect(validateManifest(wf({ templates: [] }, { extra: true }))).toEqual([
      { path: "extra", message: "unknown field" },
    ]);
  });

  test("unknown fields pass under x-kubernetes-preserve-unknown-fields", () => {
    const m = main({
      dag: { tasks: [{ name: "a", inline: { anything: { goes: 1 } }, withItems: [1, "x", { y: true }] }] },
    });
    expect(validateManifest(m)).toEqual([]);
  });

  test("enum", () => {
    const issues = validateManifest(main({ container: { image: "a" }, retryStrategy: { retryPolicy: "Sometimes" } }));
    expect(issues).toEqual([
      {
        path: "spec.templates[0].retryStrategy.retryPolicy",
        message: "must be one of: Always, OnFailure, OnError, OnTransientError",
      },
    ]);
  });

  test("pattern", () => {
    const issues = validateManifest(
      main({ container: { image: "a" }, outputs: { artifacts: [{ name: "bad name!", path: "/x" }] } }),
    );
    expect(issues).toEqual([
      { path: "spec.templates[0].outputs.artifacts[0].name", message: "must match pattern ^[-a-zA-Z0-9_{}.]+$" },
    ]);
  });

  test("required", () => {
    expect(validateManifest(main({ container: { image: "a" }, inputs: { parameters: [{ value: "x" }] } }))).toEqual([
      { path: "spec.templates[0].inputs.parameters[0].name", message: "required field missing" },
    ]);
    expect(validateManifest({ apiVersion: "argoproj.io/v1alpha1", kind: "Workflow", metadata: { name: "x" } })).toEqual(
      [{ path: "spec", message: "required field missing" }],
    );
  });

  test("types", () => {
    expect(validateManifest(wf({ templates: [], parallelism: "3" }))).toEqual([
      { path: "spec.parallelism", message: "must be of type integer, got string" },
    ]);
    expect(validateManifest(wf({ templates: [], parallelism: 1.5 }))).toEqual([
      { path: "spec.parallelism", message: "must be of type integer, got number" },
    ]);
    expect(validateManifest(wf({ templates: {} }))).toEqual([
      { path: "spec.templates", message: "must be of type array, got object" },
    ]);
  });

  test("maxItems and maxLength", () => {
    const templates = Array.from({ length: 201 }, (_, i) => ({ name: `t${i}`, container: { image: "a" } }));
    expect(validateManifest(wf({ templates }))).toEqual([
      { path: "spec.templates", message: "must have at most 200 items" },
    ]);
    expect(validateManifest(main({ name: "x".repeat(129), container: { image: "a" } }))).toEqual([
      { path: "spec.templates[0].name", message: "must be at most 128 characters long" },
    ]);
  });

  test("minimum / maximum", () => {
    const issues = validateManifest(
      main({ container: { image: "a" }, outputs: { artifacts: [{ name: "a", path: "/x", mode: 1000 }] } }),
    );
    expect(issues).toEqual([
      { path: "spec.templates[0].outputs.artifacts[0].mode", message: "must be less than or equal to 511" },
    ]);
  });

  test("int-or-string accepts both, rejects others", () => {
    for (const limit of [3, "3", "{{inputs.parameters.n}}"]) {
      expect(validateManifest(main({ container: { image: "a" }, retryStrategy: { limit } }))).toEqual([]);
    }
    for (const ads of [10, "10"])
      expect(validateManifest(main({ container: { image: "a" }, activeDeadlineSeconds: ads }))).toEqual([]);
    // spec.activeDeadlineSeconds (workflow level) is a plain integer in the CRD
    expect(validateManifest(wf({ templates: [], activeDeadlineSeconds: "10" }))).toEqual([
      { path: "spec.activeDeadlineSeconds", message: "must be of type integer, got string" },
    ]);
    expect(validateManifest(main({ container: { image: "a" }, retryStrategy: { limit: true } }))).toEqual([
      { path: "spec.templates[0].retryStrategy.limit", message: "must be an integer or a string, got boolean" },
    ]);
    expect(validateManifest(main({ container: { image: "a" }, retryStrategy: { limit: 1.5 } }))[0]!.message).toBe(
      "must be an integer or a string, got number",
    );
  });

  test("CEL rules", () => {
    const dag = (task: Record<string, unknown>) =>
      main({
        dag: {
          tasks: [
            { name: "b", template: "x" },
            { name: "a", template: "x", ...task },
          ],
        },
      });
    expect(validateManifest(dag({ depends: "b", dependencies: ["b"] }))).toEqual([
      { path: "spec.templates[0].dag.tasks[1]", message: "cannot use both 'depends' and 'dependencies'" },
    ]);
    expect(validateManifest(dag({ depends: "b", continueOn: { failed: true } }))).toEqual([
      { path: "spec.templates[0].dag.tasks[1]", message: "cannot use 'continueOn' when using 'depends'" },
    ]);
    expect(validateManifest(main({ container: { image: "a" }, script: { image: "a", source: "x" } }))).toEqual([
      { path: "spec.templates", message: "template must have at most one template type" },
    ]);
    expect(validateManifest(main({ steps: [[{ name: "a", template: "x" }]], timeout: "1m" }))).toEqual([
      { path: "spec.templates", message: "timeout cannot be applied to steps or dag templates" },
    ]);
    expect(
      validateManifest(
        main({
          container: { image: "a" },
          outputs: { artifacts: [{ name: "a", s3: { key: "k" }, gcs: { key: "k" } }] },
        }),
      ),
    ).toEqual([
      { path: "spec.templates[0].outputs.artifacts[0]", message: "at most one artifact location can be specified" },
    ]);
    // nulls are pruned before CEL runs, as on the API server
    expect(validateManifest(dag({ depends: null, dependencies: ["b"] }))).toEqual([]);
    expect(validateManifest(dag({ name: "1a", depends: "b" }))).toEqual([
      {
        path: "spec.templates[0].dag.tasks[1]",
        message: "task name cannot begin with a digit when using 'depends' or 'dependencies'",
      },
    ]);
  });

  test("duplicate entries of a list-type=map", () => {
    const issues = validateManifest(
      main({
        container: {
          image: "a",
          env: [
            { name: "A", value: "1" },
            { name: "A", value: "2" },
          ],
        },
      }),
    );
    expect(issues).toEqual([
      { path: "spec.templates[0].container.env[1]", message: 'duplicate entry (same name): ["A"]' },
    ]);
  });

  test("apiVersion and kind", () => {
    expect(validateManifest({ ...wf({ templates: [] }), apiVersion: "argoproj.io/v1" })).toEqual([
      { path: "apiVersion", message: "must be argoproj.io/v1alpha1" },
    ]);
    expect(validateManifest({ apiVersion: "v1", kind: "Pod" }).map((i) => i.path)).toEqual(["apiVersion", "kind"]);
    expect(validateManifest("nope")).toEqual([{ path: "", message: "must be an object (a Kubernetes manifest)" }]);
  });

  test("metadata", () => {
    const meta = (metadata: unknown) => validateManifest({ ...wf({ templates: [] }), metadata });
    expect(meta({ name: "Hello_World" })[0]).toMatchObject({ path: "metadata.name" });
    expect(meta({ name: "a".repeat(254) })).toEqual([
      { path: "metadata.name", message: "must be no more than 253 characters" },
    ]);
    expect(meta({ name: "a".repeat(253) })).toEqual([]);
    expect(meta({ generateName: "hello-" })).toEqual([]);
    expect(meta({ generateName: "Hello-" })[0]).toMatchObject({ path: "metadata.generateName" });
    expect(meta({})).toEqual([{ path: "metadata.name", message: "name or generateName is required" }]);
    expect(
      meta({ name: "a", labels: { "app.kubernetes.io/name": "x", "bad key!": "v", ok: "bad value!" } }).map(
        (i) => i.path,
      ),
    ).toEqual(["metadata.labels[bad key!]", "metadata.labels[ok]"]);
    expect(meta({ name: "a", annotations: { "Example.com/Note": "anything at all: fine" } })).toEqual([]);
    expect(meta({ name: "a", nmae: "b" })).toEqual([{ path: "metadata.nmae", message: "unknown field" }]);
    expect(meta({ name: "a", namespace: "Argo" })[0]).toMatchObject({ path: "metadata.namespace" });
    const cwt = {
      apiVersion: "argoproj.io/v1alpha1",
      kind: "ClusterWorkflowTemplate",
      metadata: { name: "a", namespace: "argo" },
      spec: {},
    };
    expect(validateManifest(cwt)).toEqual([
      { path: "metadata.namespace", message: "not allowed on this type (cluster-scoped)" },
    ]);
  });

  test("validateManifests prefixes the document and assertValidManifests throws", () => {
    const bad = { ...wf({ templates: [], foo: 1 }), metadata: { name: "w" } };
    expect(validateManifests([bad])).toEqual([{ path: "Workflow/w: spec.foo", message: "unknown field" }]);
    expect(() => assertValidManifests([bad])).toThrow(ManifestValidationError);
  });
});

describe("performance", () => {
  // Note: the CRD caps spec.templates and dag.tasks at 200 items, so the API server rejects this workflow;
  // the test only measures the walker and checks those are the only two issues.
  test("a 5000-template workflow is checked whole (and hits the CRD size limits)", () => {
    const templates = [];
    const tasks = [];
    for (let i = 0; i < 5000; i++) {
      templates.push({
        name: `t${i}`,
        inputs: { parameters: [{ name: "x", value: "1" }] },
        container: {
          image: "alpine:3.23",
          command: ["sh", "-c"],
          args: [`echo ${i}`],
          resources: { limits: { cpu: "100m", memory: "64Mi" } },
        },
        retryStrategy: { limit: 2, retryPolicy: "OnFailure" },
      });
      tasks.push({ name: `t${i}`, template: `t${i}`, depends: i ? `t${i - 1}` : undefined });
    }
    templates.push({
      name: "main",
      dag: { tasks: tasks.map((t) => (t.depends ? t : { name: t.name, template: t.template })) },
    });
    const m = wf({ entrypoint: "main", templates });
    expect(validateManifest(m)).toEqual([
      { path: "spec.templates", message: "must have at most 200 items" },
      { path: "spec.templates[5000].dag.tasks", message: "must have at most 200 items" },
    ]);
  });
});
