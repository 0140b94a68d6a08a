import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, test } from "vitest";
import type {
  ArgoManifest,
  Container,
  CronWorkflow,
  DAGTask,
  IntOrString,
  Quantity,
  RetryStrategy,
  Template,
  Workflow,
} from "./index.js";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

describe("types.gen.ts", () => {
  test("the generator reproduces the committed file byte for byte", () => {
    const dir = mkdtempSync(join(tmpdir(), "wfc-gen-"));
    try {
      const out = join(dir, "types.gen.ts");
      execFileSync(process.execPath, [join(repoRoot, "scripts/gen-argo-types.mjs"), out], { stdio: "pipe" });
      const committed = readFileSync(new URL("./types.gen.ts", import.meta.url), "utf8");
      expect(readFileSync(out, "utf8") === committed).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("has no `any`", () => {
    const src = readFileSync(new URL("./types.gen.ts", import.meta.url), "utf8");
    const code = src.split("\n").filter((l) => !/^\s*(\/\*\*|\*|\/\/)/.test(l));
    expect(code.filter((l) => /\bany\b/.test(l))).toEqual([]);
  });

  test("manifest, int-or-string and nested types", () => {
    const wf: Workflow = {
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Workflow",
      metadata: { generateName: "hello-" },
      spec: {
        entrypoint: "main",
        templates: [
          {
            name: "main",
            activeDeadlineSeconds: "10",
            retryStrategy: { limit: 3 },
            container: {
              image: "alpine",
              resources: { limits: { cpu: 1, memory: "64Mi" } },
              livenessProbe: { httpGet: { port: 8080 } },
            },
          },
        ],
      },
    };
    expect(wf.kind).toBe("Workflow");
    expectTypeOf<Workflow["kind"]>().toEqualTypeOf<"Workflow">();
    expectTypeOf<CronWorkflow["apiVersion"]>().toEqualTypeOf<"argoproj.io/v1alpha1">();
    expectTypeOf<IntOrString>().toEqualTypeOf<number | string>();
    expectTypeOf<Quantity>().toEqualTypeOf<number | string>();
    expectTypeOf<NonNullable<RetryStrategy["limit"]>>().toEqualTypeOf<number | string>();
    expectTypeOf<NonNullable<Template["activeDeadlineSeconds"]>>().toEqualTypeOf<number | string>();
    expectTypeOf<Template["container"]>().toEqualTypeOf<Container | undefined>();
    expectTypeOf<DAGTask["name"]>().toEqualTypeOf<string>();
    expectTypeOf<ArgoManifest["kind"]>().toEqualTypeOf<
      "Workflow" | "WorkflowTemplate" | "ClusterWorkflowTemplate" | "CronWorkflow" | "WorkflowEventBinding"
    >();
  });
});
