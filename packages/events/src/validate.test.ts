import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseK8sYaml } from "@wfc/sdk";
import { describe, expect, test } from "vitest";
import { isEventsManifest, validateEventsManifest } from "./validate.js";

const examples = fileURLToPath(new URL("../../../vendor/argo-events/examples/", import.meta.url));
const upstream = (name: string) =>
  (parseK8sYaml(readFileSync(examples + name, "utf8"), name) as unknown[]).filter(isEventsManifest)[0];

const sensor = (spec: Record<string, unknown>) => ({
  apiVersion: "argoproj.io/v1alpha1",
  kind: "Sensor",
  metadata: { name: "s" },
  spec,
});
const dep = { name: "d", eventSourceName: "webhook", eventName: "example" };

describe("validateEventsManifest", () => {
  test("a valid sensor has no issue", () => {
    expect(
      validateEventsManifest(
        sensor({ dependencies: [dep], triggers: [{ template: { name: "t", log: { intervalSeconds: 10 } } }] }),
      ),
    ).toEqual([]);
  });

  test("rejects unknown fields, with a suggestion for a case slip", () => {
    const issues = validateEventsManifest(
      sensor({ dependencies: [dep], triggers: [{ template: { name: "t", openwhisk: {} }, retries: 3 }] }),
    );
    expect(issues).toEqual([
      { path: "spec.triggers[0].template.openwhisk", message: 'unknown field (did you mean "openWhisk"?)' },
      { path: "spec.triggers[0].retries", message: "unknown field" },
    ]);
  });

  test("checks types; int-or-string fields take both", () => {
    const issues = validateEventsManifest(
      sensor({
        dependencies: [dep],
        triggers: [
          { template: { name: "t", log: { intervalSeconds: "10" } }, retryStrategy: { duration: 10, steps: 3 } },
          { template: { name: "u", log: {} }, retryStrategy: { duration: "10s", steps: "3" } },
        ],
      }),
    );
    expect(issues).toEqual([
      { path: "spec.triggers[0].template.log.intervalSeconds", message: "expected integer, got string" },
      { path: "spec.triggers[1].retryStrategy.steps", message: "expected integer, got string" },
    ]);
  });

  test("required fields, except those relaxed", () => {
    expect(
      validateEventsManifest(sensor({ dependencies: [{ name: "d", eventSourceName: "webhook" }], triggers: [] })),
    ).toEqual([{ path: "spec.dependencies[0].eventName", message: "required field missing" }]);
    const es = {
      apiVersion: "argoproj.io/v1alpha1",
      kind: "EventSource",
      metadata: { name: "w" },
      spec: { webhook: { example: { port: "12000", endpoint: "/x", method: "POST" } } },
    };
    expect(validateEventsManifest(es)).toEqual([]);
  });

  test("the kind and apiVersion", () => {
    expect(validateEventsManifest({ apiVersion: "v1", kind: "ConfigMap" })).toEqual([
      { path: "kind", message: "not an Argo Events kind (EventBus, EventSource, Sensor)" },
    ]);
    expect(validateEventsManifest({ apiVersion: "argoproj.io/v1", kind: "EventBus", metadata: {}, spec: {} })).toEqual([
      { path: "apiVersion", message: 'must be "argoproj.io/v1alpha1"' },
    ]);
    expect(isEventsManifest({ apiVersion: "argoproj.io/v1alpha1", kind: "Workflow" })).toBe(false);
  });

  test("finds the stale field names of upstream examples", () => {
    expect(validateEventsManifest(upstream("sensors__trigger-openwhisk.yaml"))).toEqual([
      { path: "spec.triggers[0].template.openwhisk", message: 'unknown field (did you mean "openWhisk"?)' },
    ]);
    expect(validateEventsManifest(upstream("sensors__url-sensor.yaml"))).toEqual([
      {
        path: "spec.triggers[0].template.k8s.source.url.verifycert",
        message: 'unknown field (did you mean "verifyCert"?)',
      },
    ]);
    expect(validateEventsManifest(upstream("tutorials__09-http-trigger__minio-event-source.yaml"))).toEqual([
      { path: "spec.type", message: "unknown field" },
    ]);
    expect(validateEventsManifest(upstream("sensors__webhook.yaml"))).toEqual([]);
  });
});
