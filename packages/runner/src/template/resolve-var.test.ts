import { describe, expect, it } from "vitest";
import { resolveVar } from "./resolve-var.js";

// Argo v4.1 util/template/resolve_var_test.go Test_ResolveVar.
describe("ResolveVar", () => {
  it("Simple/Valid", () => expect(resolveVar("{{foo}}", { foo: "bar" })).toEqual({ tag: "foo", value: "bar" }));
  it("Simple/Whitespace", () => expect(resolveVar("{{ foo }}", { foo: "bar" })).toEqual({ tag: "foo", value: "bar" }));
  it("Simple/Unresolved", () => expect(() => resolveVar("{{foo}}", undefined)).toThrow('Unable to resolve: "foo"'));
  it("Expression/Valid", () => expect(resolveVar("{{=foo}}", { foo: "bar" }).value).toBe("bar"));
  it("Expression/Unresolved", () =>
    expect(() => resolveVar("{{=foo}}", undefined)).toThrow('Unable to compile: "foo"'));
  it("Expression/Error", () => expect(() => resolveVar("{{=!}}", undefined)).toThrow('Unable to compile: "!"'));
  it("an expression on the flat map sees flat keys only", () => {
    expect(resolveVar("{{=$env['steps.a.outputs.result']}}", { "steps.a.outputs.result": "x" }).value).toBe("x");
    expect(() => resolveVar("{{=steps.a.outputs.result}}", { "steps.a.outputs.result": "x" })).toThrow(
      "Unable to compile",
    );
  });
  it("a run error", () => expect(() => resolveVar("{{=a.b}}", { a: null })).toThrow('Invalid expression: "a.b"'));
  it("a nil result", () => expect(() => resolveVar("{{=a}}", { a: null })).toThrow('Unable to resolve: "=a"'));
});
