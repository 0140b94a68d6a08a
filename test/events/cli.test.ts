import { readdirSync } from "node:fs";
import { join } from "node:path";
import { parseK8sYaml } from "@wfc/sdk";
import { describe, expect, it } from "vitest";
import { ROOT, wfc } from "../helpers.js";

// `wfc build` and `wfc lint` on Argo Events objects, through the real CLI.
describe("wfc build / lint with @wfc/events", () => {
  it("builds a module's event source, sensor and the WorkflowTemplate it runs (once)", () => {
    const r = wfc(["build", "test/events/fixtures/both-exported.ts"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const docs = parseK8sYaml(r.stdout, "out.yaml") as { kind: string; metadata: { name: string } }[];
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      "WorkflowTemplate/greet",
      "EventSource/webhook",
      "Sensor/on-hook",
    ]);
  });

  it("lints event examples against the Argo Events schema", () => {
    const r = wfc([
      "lint",
      "test/events/fixtures/both-exported.ts",
      "examples/events/sensors__webhook.ts",
      "examples/events/event-sources__webhook.ts",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("lints every examples/events module (one run)", () => {
    const files = readdirSync(join(ROOT, "examples/events"))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => `examples/events/${f}`);
    const r = wfc(["lint", ...files]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(files.length);
  });

  it("reports unknown fields and wrong types in Argo Events YAML", () => {
    const r = wfc(["lint", "test/events/fixtures/stale-sensor.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'test/events/fixtures/stale-sensor.yaml:13:9: Sensor/stale: spec.triggers[0].template.openwhisk: unknown field (did you mean "openWhisk"?) [E_SCHEMA]\n' +
        "test/events/fixtures/stale-sensor.yaml:16:11: Sensor/stale: spec.triggers[0].template.log.intervalSeconds: expected integer, got string [E_SCHEMA]\n" +
        "error: 2 problems found [E_LINT]\n",
    );
  });
});
