import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, test } from "vitest";
import type { Backoff, EventSource, Int64OrString, Sensor, TriggerTemplate, WebhookEventSource } from "./types.gen.js";

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
    expectTypeOf<Backoff["duration"]>().toEqualTypeOf<number | string | undefined>();
    // `url` is required in the schema but upstream's examples leave it out
    const hook: WebhookEventSource = { port: "12000", endpoint: "/example", method: "POST" };
    expect(hook.port).toBe("12000");
    // @ts-expect-error -- stale upstream name: the field is openWhisk
    const t: TriggerTemplate = { name: "x", openwhisk: {} };
    expect(t.name).toBe("x");
  });
});
