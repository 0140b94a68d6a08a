import { describe, expect, it } from "vitest";
import { STACK_LINE, wfcBounded } from "./bounded.js";

const FIXTURE = "test/fixtures/harden/spec-value.ts";
const build = (value: string, where: string, ...flags: string[]) =>
  wfcBounded(["build", FIXTURE, ...flags], { env: { WFC_TEST_VALUE: value, WFC_TEST_WHERE: where } });

// Where the fixture puts the value, the field path the error must name, and the user's line.
const PLACES = {
  template: {
    path: "spec.templates[1].container.securityContext.runAsUser",
    at: `${FIXTURE}:22:14`,
    who: "template step",
  },
  workflow: { path: "spec.activeDeadlineSeconds", at: `${FIXTURE}:27:16`, who: "Workflow/spec-value" },
  task: { path: "spec.templates[0].dag.tasks[0].timeout", at: `${FIXTURE}:30:5`, who: "task step" },
} as const;

const VALUES = {
  nan: "is NaN",
  inf: "is Infinity",
  date: "is a Date",
  map: "is a Map",
  set: "is a Set",
  fn: "is a function",
  circular: "is a circular reference",
  hugebigint: "is the BigInt 1180591620717411303424n",
  symbol: "is a Symbol",
} as const;

describe("values a manifest cannot hold (wfc build)", () => {
  for (const [where, place] of Object.entries(PLACES)) {
    for (const [value, says] of Object.entries(VALUES)) {
      it(`${value} in a ${where}: one error naming the field, the template/task and the line; exit 1`, () => {
        const r = build(value, where);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe("");
        const path = value === "circular" ? `${place.path}.self` : place.path;
        expect(r.stderr).toContain(`${place.at}: `);
        expect(r.stderr).toContain(place.who);
        expect(r.stderr).toContain(`${path} ${says}`);
        expect(r.stderr).toMatch(/\[E_SPEC_VALUE\]\n$/);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
        expect(r.stderr).not.toMatch(STACK_LINE);
      });
    }
  }

  it("the same in JSON output (no `null` for NaN there)", () => {
    const r = build("nan", "workflow", "-o", "json");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("spec.activeDeadlineSeconds is NaN");
  });

  it("a BigInt within int64 is written as the integer it is, in YAML and JSON, and lints", () => {
    for (const where of ["template", "workflow"] as const) {
      const y = build("bigint", where);
      expect(y.code).toBe(0);
      const field = PLACES[where].path.split(".").at(-1);
      expect(y.stdout).toMatch(new RegExp(`\\n\\s*${field}: 10\\n`));
      const j = build("bigint", where, "-o", "json");
      expect(j.code).toBe(0);
      expect(j.stdout).toMatch(new RegExp(`"${field}": 10\\b`));
      const lint = wfcBounded(["lint", FIXTURE], {
        env: { WFC_TEST_VALUE: "bigint", WFC_TEST_WHERE: where },
        timeoutMs: 120_000, // lint type-checks the module
      });
      expect(lint.stderr).toBe("");
      expect(lint.code).toBe(0);
    }
  }, 300_000);
});
