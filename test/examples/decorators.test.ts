import { parseK8sYaml, validateManifests } from "@wfc/sdk";
import { describe, expect, it } from "vitest";
import { wfc } from "../helpers.js";

// The decorator-style example and its builder twin, built through the real CLI (tsx lowers the
// decorators), must print the same manifests byte for byte.
describe("examples/decorators.ts and its builder twin", () => {
  const decorated = wfc(["build", "examples/decorators.ts"]);
  const builder = wfc(["build", "examples/decorators-builder.ts"]);

  it("both build", () => {
    expect(decorated.stderr).toBe("");
    expect(decorated.code).toBe(0);
    expect(builder.stderr).toBe("");
    expect(builder.code).toBe(0);
  });

  it("print identical manifests (a Workflow and a CronWorkflow)", () => {
    const docs = parseK8sYaml(decorated.stdout) as { kind: string }[];
    expect(docs.map((d) => d.kind)).toEqual(["Workflow", "CronWorkflow"]);
    expect(decorated.stdout).toBe(builder.stdout);
  });

  it("pass Argo's full CRD schema", () => {
    expect(validateManifests(parseK8sYaml(decorated.stdout))).toEqual([]);
  });
});

describe("decorator mistakes through the CLI", () => {
  it("an undecorated method is reported at its class's @flow, with the class's name", () => {
    const r = wfc(["build", "test/fixtures/decorators-undecorated.ts"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      "test/fixtures/decorators-undecorated.ts:12:4: class Half: helper() has no @task or @container decorator",
    );
  });
});
