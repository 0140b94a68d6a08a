// An upstream Sensor and EventSource, as YAML, run with one command and a real container: the webhook
// body reaches the container's command line through the trigger's parameters.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wfc } from "../helpers.js";
import { BUSYBOX_IMAGE, ensureTestImages, testEngine } from "../runner/images.js";

const { engine, reason } = await testEngine();
if (!engine) console.warn(`skipping the container run of an upstream sensor: ${reason}`);
const RUNS = mkdtempSync(join(tmpdir(), "wfc-events-cli-"));
afterAll(() => rmSync(RUNS, { recursive: true, force: true }));

describe.skipIf(!engine)("wfc run SENSOR.yaml --templates SOURCE.yaml --event ... (podman)", () => {
  beforeAll(() => ensureTestImages(engine!));

  it("vendor/argo-events/examples/sensors__webhook.yaml prints the event body in its container", () => {
    const r = wfc(
      [
        "run",
        "vendor/argo-events/examples/sensors__webhook.yaml",
        "--templates",
        "vendor/argo-events/examples/event-sources__webhook.yaml",
        "--event",
        "webhook/example",
        "--payload",
        "-",
        "--image-map",
        `busybox=${BUSYBOX_IMAGE}`,
        "--logs",
        "--run-dir",
        RUNS,
      ],
      { input: '{"message": "hello from a webhook"}' },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("event 1 webhook/example (injected): webhook/test-dep passed\n");
    expect(r.stdout).toContain(
      '  trigger webhook/webhook-workflow-trigger fired (k8s create): runs workflow webhook- (message={"message":"hello from a webhook"})\n',
    );
    expect(r.stdout).toMatch(/\nwebhook-[a-z0-9]{5}: \{"message":"hello from a webhook"\}\n/);
    expect(r.stdout).toContain("1 event, 1 trigger fired, 1 workflow run\n");
  });
});
