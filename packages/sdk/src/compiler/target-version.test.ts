// biome-ignore-all lint/suspicious/noExplicitAny: lowered manifests are read as loose JSON in these assertions
import { describe, expect, it } from "vitest";
import { ARGO_VERSIONS, type ArgoVersion, compareArgoVersions, parseArgoVersion } from "../core/argo-version.js";
import { CompileError } from "../core/errors.js";
import type { WORKFLOW_KINDS } from "../core/kinds.js";
import { compile, container, cronWorkflow, workflow, z } from "../index.js";
import { type CrdSchema, loadCrdSchema } from "../validate/crd-schemas.js";
import { validateManifest } from "../validate/validate.js";
import { ARGO_VERSION_DIFFERENCES } from "./argo-versions.js";
import { E_ARGO_VERSION, firstVersionWith, lowerToArgoVersion, placeOf } from "./target-version.js";

const OLDER = ["3.5", "3.6", "3.7", "4.0"] as const;

const step = container({ name: "step", inputs: { x: z.string() } }, ({ x }) => ({ image: "alpine", args: [x] }));

const nightly = (schedules: string[]) =>
  cronWorkflow({ name: "nightly", schedules, cron: { timezone: "UTC" } }, () => {
    step({ x: "a" });
  });

describe("CronWorkflow schedules", () => {
  it("is one `schedule` for 3.5, in the place `schedules` had", () => {
    const m = compile(nightly(["0 2 * * *"]), { argoVersion: "3.5" }) as any;
    expect(Object.keys(m.spec)).toEqual(["schedule", "timezone", "workflowSpec"]);
    expect(m.spec.schedule).toBe("0 2 * * *");
    expect(validateManifest(m, { argoVersion: "3.5" })).toEqual([]);
  });

  it("stays a list from 3.6 on", () => {
    for (const v of ["3.6", "3.7", "4.0", "4.1"] as const) {
      const m = compile(nightly(["0 2 * * *", "0 14 * * *"]), { argoVersion: v }) as any;
      expect(m.spec.schedules).toEqual(["0 2 * * *", "0 14 * * *"]);
      expect(m.spec.schedule).toBeUndefined();
      expect(validateManifest(m, { argoVersion: v })).toEqual([]);
    }
  });

  it("refuses two schedules for 3.5, naming the feature and 3.6", () => {
    let err: unknown;
    try {
      compile(nightly(["0 2 * * *", "0 14 * * *"]), { argoVersion: "3.5" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CompileError);
    const d = (err as CompileError).diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: E_ARGO_VERSION, workflow: "CronWorkflow/nightly" });
    expect(d[0]?.message).toBe(
      "spec.schedules: several cron schedules (spec.schedules) needs Argo 3.6 to express 2 schedules (Argo 3.5 has one spec.schedule); the target is Argo 3.5",
    );
  });
});

describe("synchronization", () => {
  const locked = (mutexes: { name: string }[], semaphores: unknown[] = []) =>
    workflow(
      {
        name: "locked",
        synchronization: { mutexes, ...(semaphores.length ? { semaphores } : {}) },
      } as any,
      () => {
        container({ name: "held", synchronization: { mutexes: [{ name: "inner" }] } } as any, () => ({
          image: "alpine",
        }))({});
      },
    );
  const sem = { configMapKeyRef: { name: "limits", key: "workflow" } };

  it("lowers one mutex and one semaphore to the singular fields for 3.5 (workflow and template level)", () => {
    const m = compile(locked([{ name: "outer" }], [sem]), { argoVersion: "3.5" }) as any;
    expect(m.spec.synchronization).toEqual({ mutex: { name: "outer" }, semaphore: sem });
    expect(m.spec.templates.find((t: any) => t.name === "held").synchronization).toEqual({ mutex: { name: "inner" } });
    expect(validateManifest(m, { argoVersion: "3.5" })).toEqual([]);
  });

  it("keeps the lists from 3.6 on", () => {
    const m = compile(locked([{ name: "a" }, { name: "b" }]), { argoVersion: "3.6" }) as any;
    expect(m.spec.synchronization).toEqual({ mutexes: [{ name: "a" }, { name: "b" }] });
    expect(validateManifest(m, { argoVersion: "3.6" })).toEqual([]);
  });

  it("refuses two mutexes for 3.5", () => {
    expect(() => compile(locked([{ name: "a" }, { name: "b" }]), { argoVersion: "3.5" })).toThrow(
      /several mutexes \(synchronization\.mutexes\) needs Argo 3\.6 to express 2 mutexes/,
    );
  });

  it("refuses a database mutex before 3.7, naming the template", () => {
    const m = {
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Workflow",
      metadata: { name: "db" },
      spec: {
        entrypoint: "main",
        templates: [
          { name: "main", synchronization: { mutexes: [{ name: "m", database: true }] }, container: { image: "a" } },
        ],
      },
    };
    for (const v of ["3.5", "3.6"] as const) {
      const r = lowerToArgoVersion(m, v);
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]?.code).toBe(E_ARGO_VERSION);
      // for 3.5 too (where the list became the singular `mutex`), the path is the input's
      expect(r.issues[0]?.path).toBe("spec.templates[0].synchronization.mutexes[0].database");
      expect(r.issues[0]?.message).toBe(
        `database mutexes (synchronization mutex database) needs Argo 3.7; the target is Argo ${v}`,
      );
      expect(placeOf(m, r.issues[0]?.path ?? "")).toEqual({ template: "main" });
    }
    expect(lowerToArgoVersion(m, "3.7").issues).toEqual([]);
  });
});

describe("memoize cache configMap", () => {
  const memo = container(
    {
      name: "memo",
      inputs: { x: z.string() },
      memoize: { key: "{{inputs.parameters.x}}", maxAge: "1h", cache: { configMap: { name: "cache-config" } } },
    },
    () => ({ image: "alpine" }),
  );
  const wf = workflow({ name: "memo" }, () => {
    memo({ x: "a" });
  });

  it("gets the `key` Argo before 4.0 requires (its controller reads only the name)", () => {
    for (const v of ["3.5", "3.6", "3.7"] as const) {
      const m = compile(wf, { argoVersion: v }) as any;
      const t = m.spec.templates.find((x: any) => x.name === "memo");
      expect(t.memoize.cache.configMap).toEqual({ name: "cache-config", key: "cache-config" });
      expect(validateManifest(m, { argoVersion: v })).toEqual([]);
    }
  });

  it("is left alone for 4.0 and 4.1, and the input is not changed", () => {
    const original = compile(wf) as any;
    const before = JSON.stringify(original);
    for (const v of ["4.0", "3.6"] as const) lowerToArgoVersion(original, v);
    expect(JSON.stringify(original)).toBe(before);
    const m = compile(wf, { argoVersion: "4.0" }) as any;
    expect(m.spec.templates.find((x: any) => x.name === "memo").memoize.cache.configMap).toEqual({
      name: "cache-config",
    });
  });
});

describe("refusals read from the target's schema", () => {
  const timed = workflow({ name: "timed" }, () => {
    container({ name: "slow", pendingTimeout: "5m" }, () => ({ image: "alpine" }))({});
  });

  it("names the feature, the template and the first version that has it", () => {
    for (const v of OLDER) {
      let err: unknown;
      try {
        compile(timed, { argoVersion: v });
      } catch (e) {
        err = e;
      }
      const d = (err as CompileError).diagnostics;
      expect(d.map((x) => [x.code, x.template, x.message])).toEqual([
        [
          E_ARGO_VERSION,
          "slow",
          `spec.templates[1].pendingTimeout: template pendingTimeout needs Argo 4.1; the target is Argo ${v}`,
        ],
      ]);
    }
    expect(() => compile(timed, { argoVersion: "4.1" })).not.toThrow();
  });

  it("falls back to the schemas for a field the table does not name", () => {
    const m = {
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Workflow",
      metadata: { name: "x" },
      spec: { entrypoint: "main", templates: [{ name: "main", container: { image: "a", comand: ["x"] } }] },
    };
    // a typo is in no version: a schema issue, not a version refusal
    const r = lowerToArgoVersion(m, "3.6");
    expect(r.issues).toEqual([]);
    expect(r.schemaIssues).toEqual([{ path: "spec.templates[0].container.comand", message: "unknown field" }]);
    expect(firstVersionWith("Workflow", "spec.templates[0].container.comand")).toBeUndefined();
    expect(firstVersionWith("Workflow", "spec.templates[3].pendingTimeout")).toBe("4.1");
    expect(firstVersionWith("CronWorkflow", "spec.stopStrategy")).toBe("3.6");
    expect(firstVersionWith("Workflow", "spec.templates[0].container.env[1].valueFrom.fileKeyRef")).toBe("4.1");
  });

  it("passes other kinds through, and everything for 4.1", () => {
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } };
    expect(lowerToArgoVersion(cm, "3.5")).toEqual({ manifest: cm, issues: [], schemaIssues: undefined });
    const m = compile(timed);
    expect(lowerToArgoVersion(m, "4.1").manifest).toBe(m);
  });
});

/** Every field path (list items `[]`) of a kind's spec in one version's schema. */
function specPaths(kind: (typeof WORKFLOW_KINDS)[number], v: ArgoVersion): string[] {
  const out: string[] = [];
  const visit = (s: CrdSchema | undefined, path: string, depth: number): void => {
    if (!s || depth > 40) return;
    out.push(path);
    for (const [k, c] of Object.entries(s.properties ?? {})) visit(c, `${path}.${k}`, depth + 1);
    if (s.items) visit(s.items, `${path}[]`, depth + 1);
  };
  visit(loadCrdSchema(kind, v).properties?.spec, "spec", 0);
  return out;
}

describe("the table of version differences", () => {
  const paths = new Map(
    ARGO_VERSIONS.map((v) => [v, new Set([...specPaths("Workflow", v), ...specPaths("CronWorkflow", v)])]),
  );

  it.each(ARGO_VERSION_DIFFERENCES.map((d) => [d.feature, d] as const))(
    "%s: `since` agrees with the vendored schemas",
    (_, d) => {
      for (const f of d.fields) {
        const has = (v: ArgoVersion) =>
          [...(paths.get(v) ?? [])].some((p) => p === f || p.endsWith(`.${f}`) || p.endsWith(`]${f}`));
        const first = ARGO_VERSIONS.find(has);
        // fields that changed shape (the memoize configMap) exist earlier under the same name
        if (d.lower && first && compareArgoVersions(first, d.since) < 0) continue;
        expect(first, f).toBe(d.since);
        // (a field can be gone again later: `mutex.database` went with `mutex` in 4.0)
        for (const v of ARGO_VERSIONS)
          if (compareArgoVersions(v, d.since) < 0) expect(has(v), `${f} in ${v}`).toBe(false);
        expect(
          d.fields.some((g) =>
            [...(paths.get("4.1") ?? [])].some((p) => p === g || p.endsWith(`.${g}`) || p.endsWith(`]${g}`)),
          ),
        ).toBe(true);
      }
    },
  );
});

describe("the table is complete", () => {
  it.each(OLDER)("names every field of 4.1's schemas that %s's lack", (v) => {
    const unnamed: string[] = [];
    for (const kind of ["Workflow", "CronWorkflow"] as const) {
      const older = new Set(specPaths(kind, v));
      const missing = specPaths(kind, "4.1").filter((p) => !older.has(p));
      // only the top of each missing subtree (`.../podResources`, not `.../podResources.limits`)
      const tops = missing.filter(
        (p) => !missing.some((q) => q !== p && (p.startsWith(`${q}.`) || p.startsWith(`${q}[`))),
      );
      // (an item schema the older version lacks, `steps[][]`, means it accepted any item)
      for (const p of tops.filter((x) => !x.endsWith("[]"))) {
        const d = ARGO_VERSION_DIFFERENCES.find((x) =>
          x.fields.some((f) => p === f || p.endsWith(`.${f}`) || p.endsWith(`]${f}`)),
        );
        if (!d || compareArgoVersions(d.since, v) <= 0) unnamed.push(`${kind} ${p}`);
      }
    }
    expect(unnamed).toEqual([]);
  });
});

describe("parseArgoVersion", () => {
  it("reads minor and patch versions, with or without v", () => {
    expect(parseArgoVersion("3.6")).toBe("3.6");
    expect(parseArgoVersion("v3.6.19")).toBe("3.6");
    expect(parseArgoVersion("4.1.2")).toBe("4.1");
  });
  it("refuses what wfc cannot target", () => {
    expect(() => parseArgoVersion("3.4")).toThrow('unknown Argo version "3.4": wfc targets 3.5, 3.6, 3.7, 4.0, 4.1');
    expect(() => parseArgoVersion("latest")).toThrow(/E_ARGO_VERSION_UNKNOWN|unknown Argo version/);
  });
});

describe("what only an older schema rejects", () => {
  // The table lowers every such difference wfc knows (the memoize configMap's `key`); without that
  // row, the schemas alone still refuse it, naming the first version that accepts it.
  const withoutConfigMapRow = ARGO_VERSION_DIFFERENCES.filter((d) => !d.fields.includes("memoize.cache.configMap"));
  const m = {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Workflow",
    metadata: { name: "x" },
    spec: {
      entrypoint: "main",
      templates: [
        {
          name: "main",
          memoize: { key: "k", maxAge: "1h", cache: { configMap: { name: "c" } } },
          container: { image: "a" },
        },
      ],
    },
  };

  it("is refused with the first version that accepts it", () => {
    const r = lowerToArgoVersion(m, "3.6", withoutConfigMapRow);
    expect(r.issues).toEqual([
      {
        path: "spec.templates[0].memoize.cache.configMap.key",
        code: E_ARGO_VERSION,
        message: "Argo 3.6's schema: required field missing (Argo 4.0 accepts this key)",
      },
    ]);
    expect(r.schemaIssues).toEqual([]);
    expect(lowerToArgoVersion(m, "4.0", withoutConfigMapRow).issues).toEqual([]);
  });

  it("is lowered with the row", () => {
    expect(lowerToArgoVersion(m, "3.6").issues).toEqual([]);
  });
});
