import { describe, expect, test } from "vitest";
import { evalCelRule } from "./cel.js";
import type { CelRule, CrdSchema } from "./index.js";
import { ARGO_KINDS, loadCrdSchema } from "./index.js";

function rulesOf(s: CrdSchema, path = ""): { path: string; rule: CelRule; type: string | undefined }[] {
  const out: { path: string; rule: CelRule; type: string | undefined }[] = [];
  for (const rule of s["x-kubernetes-validations"] ?? []) out.push({ path, rule, type: s.type });
  for (const [k, c] of Object.entries(s.properties ?? {})) out.push(...rulesOf(c, `${path}.${k}`));
  if (s.items) out.push(...rulesOf(s.items, `${path}[]`));
  if (typeof s.additionalProperties === "object") out.push(...rulesOf(s.additionalProperties, `${path}{}`));
  return out;
}

describe("CEL rules of the vendored CRDs", () => {
  const all = ARGO_KINDS.flatMap((k) => rulesOf(loadCrdSchema(k)).map((r) => ({ kind: k, ...r })));

  test("38 rule placements per big CRD, 10 distinct rules", () => {
    expect(all.filter((r) => r.kind === "Workflow")).toHaveLength(38);
    expect(new Set(all.map((r) => r.rule.rule)).size).toBe(10);
  });

  test.each(all.map((r) => [`${r.kind}${r.path}`, r] as const))("%s compiles and passes on an empty value", (_, r) => {
    const empty = r.type === "array" ? [] : {};
    expect(evalCelRule(r.rule, empty)).toEqual({ ok: true });
  });

  test("a failing rule reports its message; an unevaluable one reports an error", () => {
    const rule = {
      rule: "!has(self.depends) || !has(self.dependencies)",
      message: "cannot use both 'depends' and 'dependencies'",
    };
    expect(evalCelRule(rule, { depends: "a", dependencies: ["a"] })).toEqual({ ok: false, message: rule.message });
    expect(evalCelRule({ rule: "self.name.matches('^[0-9]')" }, { name: 5 })).toHaveProperty("error");
    expect(evalCelRule({ rule: "self.x ==" }, {})).toHaveProperty("error");
  });
});
