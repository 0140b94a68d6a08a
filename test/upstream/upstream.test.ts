import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  compile,
  definitionOrder,
  isManifestable,
  isWorkflow,
  type KubernetesObject,
  k8sEqual,
  MANIFESTS,
  parseK8sYaml,
  toYaml,
  validateManifest,
} from "@wfc/sdk";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without types
import { PENDING, survey } from "../../scripts/coverage.mjs";
import { ROOT, wfc } from "../helpers.js";

// Golden test of the reproductions of Argo's upstream examples (see docs/coverage.md).
//
// Every examples/upstream/<name>.ts is imported in-process, its exported workflow objects are
// collected in the order the module defines them (definitionOrder) and compiled; the emitted YAML
// is read back and compared with vendor/argo/examples/<name>.yaml by k8sEqual: equal up to key
// order, the order of spec.templates, int-or-string fields and YAML 1.1 scalars, nothing else.
// Documents must also come out in the upstream order: a multi-document file is reproduced by one
// module that defines its objects in the order of the upstream documents. A few examples also go
// through the real CLI (compared with k8sEqual, which pairs documents by kind and name).

const VENDOR = join(ROOT, "vendor/argo/examples");
const EXAMPLES = join(ROOT, "examples/upstream");
const names = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.slice(0, -3))
  .sort();

// The module's workflow objects (and other manifest objects, e.g. WorkflowEventBindings) in the
// order they are defined in its source (definitionOrder): a module namespace lists exports
// alphabetically, so export order is not observable.
function manifestsOf(ns: Record<string, unknown>): KubernetesObject[] {
  const objects = definitionOrder([
    ...new Set(Object.values(ns).filter((v) => isWorkflow(v) || isManifestable(v))),
  ] as object[]);
  return objects.flatMap((o) => (isWorkflow(o) ? [compile(o)] : isManifestable(o) ? [...o[MANIFESTS]()] : []));
}

const docKey = (d: unknown) => {
  const o = d as { kind?: string; metadata?: { name?: string; generateName?: string } };
  return `${o.kind}/${o.metadata?.name ?? o.metadata?.generateName}`;
};

const upstream = (name: string) => parseK8sYaml(readFileSync(join(VENDOR, `${name}.yaml`), "utf8"), `${name}.yaml`);

describe("upstream examples", () => {
  it("every upstream file with an Argo kind is reproduced (or listed as pending with a reason)", () => {
    const rows = survey() as { name: string; argo: boolean; reproduced: boolean }[];
    const missing = rows.filter((r) => r.argo && !r.reproduced && !(r.name in PENDING)).map((r) => r.name);
    expect(missing).toEqual([]);
    const stray = names.filter((n) => !rows.some((r) => r.name === n));
    expect(stray).toEqual([]);
  });

  it("docs/coverage.md is up to date (node scripts/coverage.mjs)", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "scripts/coverage.mjs"), "--check"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  describe.each(names)("%s", (name) => {
    it("compiles to manifests equal to the upstream file, valid against the CRD schema", async () => {
      const ns = (await import(pathToFileURL(join(EXAMPLES, `${name}.ts`)).href)) as Record<string, unknown>;
      const manifests = manifestsOf(ns);
      const got = parseK8sYaml(toYaml(manifests), `${name}.ts`);
      const want = upstream(name);
      const r = k8sEqual(want, got);
      expect(r.diffs).toEqual([]);
      expect(got.map(docKey)).toEqual(want.map(docKey));
      for (const d of got) expect(validateManifest(d)).toEqual([]);
    });
  });

  describe.each(["hello-world", "dag-diamond", "coinflip-recursive", "workflow-template__templates", "cron-backfill"])(
    "through the CLI: %s",
    (name) => {
      it("wfc build prints the upstream manifests", () => {
        const r = wfc(["build", `examples/upstream/${name}.ts`]);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        const got = parseK8sYaml(r.stdout, `${name}.ts`);
        expect(k8sEqual(upstream(name), got).diffs).toEqual([]);
      });
    },
  );
});
