import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseK8sYaml } from "@wfc/sdk/yaml";
import { describe, expect, it } from "vitest";
import { placeholders } from "../template/placeholders.js";
import { substitute } from "../template/substitute.js";
import { argoEnv } from "./argo-env.js";
import { ExprError } from "./errors.js";
import { evaluate, parseExpr } from "./evaluate.js";
import { evaluateWhen } from "./when.js";

// Every `{{= ...}}`, `expression:`, `fromExpression:` and `when:` of the vendored upstream examples.
const dir = join(dirname(fileURLToPath(import.meta.url)), "../../../../vendor/argo/examples");
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"));

interface Found {
  readonly file: string;
  readonly kind: "tag" | "expression" | "when";
  readonly text: string;
}

function collect(): Found[] {
  const out: Found[] = [];
  for (const file of files) {
    const walk = (v: unknown, key: string | undefined): void => {
      if (typeof v === "string") {
        if (key === "expression" || key === "fromExpression") out.push({ file, kind: "expression", text: v });
        else if (key === "when") out.push({ file, kind: "when", text: v });
        for (const p of placeholders(v)) if (p.kind === "expression") out.push({ file, kind: "tag", text: p.name });
      } else if (Array.isArray(v)) for (const x of v) walk(x, undefined);
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    for (const doc of parseK8sYaml(readFileSync(join(dir, file), "utf8"), file)) walk(doc, undefined);
  }
  return out;
}

const found = collect();

describe("the vendored examples' expressions", () => {
  it("finds them", () => {
    expect(found.filter((f) => f.kind === "tag").length).toBeGreaterThanOrEqual(14);
    expect(found.filter((f) => f.kind === "when").length).toBeGreaterThanOrEqual(25);
    expect(found.filter((f) => f.kind === "expression").length).toBeGreaterThanOrEqual(8);
  });

  it.each(found.filter((f) => f.kind !== "when").map((f) => [f.file, f.text] as const))(
    "%s: %s parses",
    (_file, text) => {
      // A retry expression may hold a {{...}} tag substituted before it is evaluated.
      expect(() => parseExpr(text.replace(/\{\{[^}]*\}\}/g, "true"))).not.toThrow();
    },
  );

  it.each(found.filter((f) => f.kind === "when").map((f) => [f.file, f.text] as const))(
    "%s: when %s parses",
    (_file, text) => {
      const tags = placeholders(text);
      for (const t of tags) if (t.kind === "expression") expect(() => parseExpr(t.name)).not.toThrow();
      // Simple tags stand for values; govaluate must accept the shape of the condition.
      const substituted = text.replace(/\{\{[^=][^}]*\}\}/g, "x");
      if (substituted.includes("{{")) return;
      try {
        evaluateWhen(substituted);
      } catch (e) {
        expect(e).toBeInstanceOf(ExprError);
        expect((e as ExprError).detail).toMatch(/^Expected boolean evaluation/);
      }
    },
  );
});

describe("the examples' expressions evaluate to what the examples expect", () => {
  const config = `{"employees": [{"name": "Baris", "age":43},{"name": "Mo", "age": 42}, {"name": "Jai", "age" :44}]}`;
  it("expression-destructure-json-complex.yaml", () => {
    const s = { "workflow.parameters.config": config };
    expect(substitute(`{{=jsonpath(workflow.parameters.config, '$.employees[?(@.name=="Baris")].age')}}`, s)).toBe(
      "[43]",
    );
    expect(substitute("{{=jsonpath(workflow.parameters.config, '$.employees[?(@.age>42 && @.age<44)].age')}}", s)).toBe(
      "[43]",
    );
    expect(substitute("{{=jsonpath(workflow.parameters.config, '$.employees[0:1]')}}", s)).toBe(
      `[{"age":43,"name":"Baris"}]`,
    );
    expect(substitute("{{=jsonpath(workflow.parameters.config, '$.employees[*].name')}}", s)).toBe(
      `["Baris","Mo","Jai"]`,
    );
  });
  it("expression-destructure-json.yaml", () => {
    const s = { "workflow.parameters.config": `{"a": "1", "b": "2", "c": "3"}` };
    expect(
      ["$.a", "$.b", "$.c"].map((p) => substitute(`{{=jsonpath(workflow.parameters.config, '${p}')}}`, s)),
    ).toEqual(["1", "2", "3"]);
  });
  it("expression-tag-template-workflow.yaml", () => {
    expect(substitute("{{=toJson(filter([1, 3], {# > 1}))}}", {})).toBe("[3]");
    expect(substitute("{{=item}}", { item: "3" })).toBe("3");
    expect(substitute("hello {{=asInt(inputs.parameters.foo) * 10}}", { "inputs.parameters.foo": "3" })).toBe(
      "hello 30",
    );
    // sprig.date of a string formats now (sprig's dateInZone falls back to time.Now()).
    expect(
      substitute("{{=sprig.date('2006', workflow.creationTimestamp)}}", {
        "workflow.creationTimestamp": "2021-01-01T00:00:00Z",
      }),
    ).toBe(String(new Date().getUTCFullYear()));
  });
  it("conditionals.yaml", () => {
    expect(
      substitute(`{{= inputs.parameters["should-print"] == 'true'}}`, { "inputs.parameters.should-print": "true" }),
    ).toBe("true");
    expect(
      substitute("{{=jsonpath(workflow.parameters.json, '$[0].value') == 'true'}}", {
        "workflow.parameters.json": `[{"value": "true"}]`,
      }),
    ).toBe("true");
    expect(evaluateWhen("true == true")).toBe(true);
  });
  it("conditional-parameters.yaml and dag-conditional-parameters.yaml", () => {
    const e = "steps['flip-coin'].outputs.result == 'heads' ? steps.heads.outputs.result : steps.tails.outputs.result";
    const scope = {
      "steps.flip-coin.outputs.result": "heads",
      "steps.heads.outputs.result": "it was heads",
      "steps.tails.outputs.result": null,
    };
    expect(evaluate(e, argoEnv(scope))).toBe("it was heads");
    expect(
      evaluate(
        e,
        argoEnv({ ...scope, "steps.flip-coin.outputs.result": "tails", "steps.tails.outputs.result": "it was tails" }),
      ),
    ).toBe("it was tails");
  });
  it("fibonacci-seq-conditional-param.yaml", () => {
    const e =
      "asInt(inputs.parameters.num) == 1? 1: asInt(inputs.parameters.num) == 2? 1: steps['fibonacci-helper'].outputs.parameters.result";
    // The helper step was skipped (when: false): its output is an absent optional (nil), still a name in scope.
    const skipped = { "steps.fibonacci-helper.outputs.parameters.result": null };
    expect(evaluate(e, argoEnv({ "inputs.parameters.num": "1", ...skipped }))).toBe(1);
    expect(evaluate(e, argoEnv({ "inputs.parameters.num": "2", ...skipped }))).toBe(1);
    // expr-lang checks names at compile time, whichever branch runs.
    expect(() => evaluate(e, argoEnv({ "inputs.parameters.num": "1" }))).toThrow("unknown name steps");
    expect(
      evaluate(e, argoEnv({ "inputs.parameters.num": "6", "steps.fibonacci-helper.outputs.parameters.result": "8" })),
    ).toBe("8");
  });
  it("retry-conditional.yaml", () => {
    const e = `asInt(lastRetry.exitCode) > 1 && lastRetry.status != "Error" && asInt(lastRetry.duration) < 120 && (false == true || lastRetry.message matches 'imminent node shutdown|pod deleted')`;
    const retry = (exitCode: string, status: string, duration: string, message: string) =>
      evaluate(
        e,
        argoEnv({
          "lastRetry.exitCode": exitCode,
          "lastRetry.status": status,
          "lastRetry.duration": duration,
          "lastRetry.message": message,
        }),
      );
    expect(retry("2", "Failed", "10", "pod deleted")).toBe(true);
    expect(retry("1", "Failed", "10", "pod deleted")).toBe(false);
    expect(retry("2", "Error", "10", "pod deleted")).toBe(false);
    expect(retry("2", "Failed", "10", "oops")).toBe(false);
  });
  it("label-value-from-workflow.yaml and life-cycle-hooks-wf-level.yaml", () => {
    expect(evaluate("workflow.parameters.foo", argoEnv({ "workflow.parameters.foo": "bar" }))).toBe("bar");
    expect(evaluate(`workflow.status == "Running"`, argoEnv({ "workflow.status": "Running" }))).toBe(true);
  });
  it("cron-when.yaml", () => {
    const e = " cronworkflow.lastScheduledTime == nil || (now() - cronworkflow.lastScheduledTime).Seconds() > 360 ";
    expect(evaluate(e, { cronworkflow: { lastScheduledTime: null } })).toBe(true);
  });
  it("expression-reusing-verbose-snippets.yaml (upstream)", () => {
    const weather = {
      "workflow.parameters.weather": `{"weekWeather": "eyJ0ZW1wcyI6IFszNCwgMjcsIDE1LCA1NywgNDZdfQo="}`,
    };
    const tag = `{{=
                map([
                    jsonpath(sprig.b64dec(jsonpath(workflow.parameters.weather, '$.weekWeather')), '$.temps')
                  ], {
                    toJson({
                      avg: sprig.add(#[0], #[1], #[2], #[3], #[4]) / 5,
                      min: sprig.min(#[0], #[1], #[2], #[3], #[4]),
                      max: sprig.max(#[0], #[1], #[2], #[3], #[4])
                    })
                })[0]
              }}`;
    const temps = substitute(tag, weather);
    expect(temps).toBe(`{"avg":35.8,"max":57,"min":15}`);
    const s = { "inputs.parameters.week-temps": temps };
    expect(
      ["avg", "min", "max"].map((k) => substitute(`{{=jsonpath(inputs.parameters['week-temps'], '$.${k}')}}`, s)),
    ).toEqual(["35.8", "15", "57"]);
  });
});
