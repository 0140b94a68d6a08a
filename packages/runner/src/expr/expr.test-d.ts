import { describe, expectTypeOf, it } from "vitest";
import {
  type Placeholder,
  placeholders,
  type SubstituteOptions,
  substitute,
  substituteObject,
} from "../template/index.js";
import { argoEnv, type ExprNode, evaluate, evaluateBool, evaluateWhen, parseExpr } from "./index.js";

describe("expression and substitution API types", () => {
  it("evaluates to unknown, bool and when to boolean", () => {
    expectTypeOf(evaluate("1", {})).toEqualTypeOf<unknown>();
    expectTypeOf(evaluateBool("true", {})).toEqualTypeOf<boolean>();
    expectTypeOf(evaluateWhen("a == a")).toEqualTypeOf<boolean>();
    expectTypeOf(parseExpr("1")).toEqualTypeOf<ExprNode>();
    expectTypeOf(argoEnv).parameter(0).toEqualTypeOf<Readonly<Record<string, unknown>>>();
  });
  it("substitutes strings and keeps the type of objects", () => {
    expectTypeOf(substitute("{{x}}", { x: "1" })).toEqualTypeOf<string>();
    expectTypeOf(substituteObject({ a: ["{{x}}"] }, { x: null })).toEqualTypeOf<{ a: string[] }>();
    expectTypeOf(placeholders("")).toEqualTypeOf<Placeholder[]>();
    expectTypeOf<SubstituteOptions>().toHaveProperty("strict").toEqualTypeOf<readonly string[] | undefined>();
    expectTypeOf(substitute).parameter(1).toEqualTypeOf<Readonly<Record<string, unknown>>>();
  });
});
