import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Container, ObjectMeta } from "@wfc/sdk/argo";
import { describe, expect, expectTypeOf, test } from "vitest";
import type {
  EventSource,
  EventsBackoff,
  EventsContainer,
  Int64OrString,
  Sensor,
  TriggerTemplate,
  WebhookEventSource,
} from "./types.gen.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

describe("types.gen.ts", () => {
  test("the generator reproduces the committed file byte for byte", () => {
    const dir = mkdtempSync(join(tmpdir(), "wfc-events-gen-"));
    try {
      const out = join(dir, "types.gen.ts");
      execFileSync(process.execPath, [join(repoRoot, "scripts/gen-events-types.mjs"), out], { stdio: "pipe" });
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

  test("manifest kinds, int-or-string and relaxed required fields", () => {
    expectTypeOf<EventSource["kind"]>().toEqualTypeOf<"EventSource">();
    expectTypeOf<Sensor["apiVersion"]>().toEqualTypeOf<"argoproj.io/v1alpha1">();
    expectTypeOf<Int64OrString>().toEqualTypeOf<number | string>();
    expectTypeOf<EventsBackoff["duration"]>().toEqualTypeOf<number | string | undefined>();
    // `url` is required in the schema but upstream's examples leave it out
    const hook: WebhookEventSource = { port: "12000", endpoint: "/example", method: "POST" };
    expect(hook.port).toBe("12000");
    // @ts-expect-error -- stale upstream name: the field is openWhisk
    const t: TriggerTemplate = { name: "x", openwhisk: {} };
    expect(t.name).toBe("x");
  });

  test("declares no name @wfc/sdk/argo declares: the Kubernetes types are the SDK's", () => {
    const names = (file: URL) =>
      new Set([...readFileSync(file, "utf8").matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]));
    const sdk = names(new URL("../../sdk/src/argo/types.gen.ts", import.meta.url));
    const events = names(new URL("./types.gen.ts", import.meta.url));
    expect(events.size).toBeGreaterThan(100);
    expect([...events].filter((n) => sdk.has(n))).toEqual([]);
    expect(events.has("ObjectMeta")).toBe(false);
    // and the SDK's file holds no Argo Events definition
    const sdkSource = readFileSync(new URL("../../sdk/src/argo/types.gen.ts", import.meta.url), "utf8");
    expect(sdkSource).not.toMatch(/Schema definition: `(github\.com\.argoproj\.argo_events|eventsource\.|sensor\.)/);
    expect(sdkSource).toMatch(/Schema definition: `io\.k8s\.api\.core\.v1\.Container`/);
    expectTypeOf<EventSource["metadata"]>().toEqualTypeOf<ObjectMeta>();
    // Argo Events' own container type keeps its prefix; the Kubernetes one is the SDK's
    expectTypeOf<EventsContainer>().not.toEqualTypeOf<Container>();
  });
});
