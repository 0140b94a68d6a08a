import { describe, expect, it } from "vitest";
import { substitute } from "../template/substitute.js";
import { argoEnv, expandScope } from "./argo-env.js";
import { ExprError } from "./errors.js";
import { evaluate, evaluateBool, evaluateRaw, formatValue, parseExpr } from "./evaluate.js";

const detail = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof ExprError) return e.detail;
    throw e;
  }
  throw new Error("no error");
};

// Argo v4.1 util/expr/argoexpr/eval_test.go TestEvalBool (Go ints are bigints here).
describe("EvalBool (eval_test.go)", () => {
  it("test parse expression error", () => expect(() => evaluateBool("invalid expression", {})).toThrow(ExprError));
  it("test eval expression false", () => expect(evaluateBool(" FOO == 1 ", { FOO: 2n })).toBe(false));
  it("test eval expression true", () => expect(evaluateBool(" FOO == 1 ", { FOO: 1n })).toBe(true));
  it("test override builtins (split)", () => expect(evaluateBool("split == 1", { split: 1n })).toBe(true));
  it("test override builtins (join)", () => expect(evaluateBool("join == 1", { join: 1n })).toBe(true));
  it("test null expression", () =>
    expect(() => evaluateBool(`steps["prepare"].outputs != null`, { steps: { prepare: { outputs: "msg" } } })).toThrow(
      "unknown name null",
    ));
  it("a non-boolean result", () =>
    expect(detail(() => evaluateBool("1 + 1", {}))).toBe("unable to cast expression result '2' to bool"));
  it("a run error is wrapped", () =>
    expect(detail(() => evaluateBool("a.x.b", { a: { x: null } }))).toMatch(
      /^unable to evaluate expression 'a.x.b': cannot fetch b from <nil>/,
    ));
  it("a compile error is not", () =>
    expect(detail(() => evaluateBool("a.b", { a: null }))).toMatch(/^type nil has no field b/));
  it("depends-style struct env", () =>
    expect(
      evaluateBool("(task_a.Succeeded || task_a.Skipped) && !task_b.Failed", {
        task_a: { Succeeded: false, Skipped: true },
        task_b: { Failed: false },
      }),
    ).toBe(true));
});

// Expressions from Argo's controller tests and docs/variables.md.
describe("Argo's functions (util/expr/env)", () => {
  it("podSpecPatch memory (operator_test.go, controller_test.go)", () => {
    expect(substitute("{{=(sprig.int(retries) + 1) * 64}}Mi", { retries: "2" })).toBe("192Mi");
    expect(
      substitute("{{= (sprig.int(retries)+1)* sprig.int(workflow.parameters.memreqnum)}}Mi", {
        retries: "0",
        "workflow.parameters.memreqnum": "100",
      }),
    ).toBe("100Mi");
    expect(
      substitute("{{= (sprig.int(lastRetry.exitCode)==1 ? (sprig.int(retries)+1) : 1)* 100}}Mi", {
        retries: "1",
        "lastRetry.exitCode": "1",
      }),
    ).toBe("200Mi");
    expect(
      substitute("{{= (sprig.int(lastRetry.exitCode)==1 ? (sprig.int(retries)+1) : 1)* 100}}Mi", {
        retries: "1",
        "lastRetry.exitCode": "137",
      }),
    ).toBe("100Mi");
  });
  it("sprig.replace (operator_concurrency_test.go, validate_test.go)", () => {
    expect(
      substitute(`{{=sprig.replace("/", "-", inputs.parameters.message)}}`, { "inputs.parameters.message": "a/b/c" }),
    ).toBe("a-b-c");
    expect(
      substitute(`{{=sprig.replace("bar", "baz", inputs.parameters.strParam)}}`, {
        "inputs.parameters.strParam": "foobar",
      }),
    ).toBe("foobaz");
  });
  it("sprig.quote(sprig.trim(...)) (workflow-sub-test-6.yaml)", () =>
    expect(
      substitute("{{= sprig.quote(sprig.trim( workflow.annotations.schedulerName )) }}", {
        "workflow.annotations.schedulerName": "  my-scheduler ",
      }),
    ).toBe(`"my-scheduler"`));
  it("sprig.upper(item) (expr_lang_test.go)", () =>
    expect(substitute("{{=sprig.upper(item)}}", { item: "a" })).toBe("A"));
  it("docs/variables.md examples", () => {
    const env = argoEnv({
      "inputs.parameters.my-int-param": "7",
      "inputs.parameters.my-float-param": "2.5",
      "inputs.parameters.my-string-param": "  x  ",
      "inputs.parameters.json": `{"some": {"path": 1}}`,
    });
    expect(evaluate("[1, 2]", env)).toEqual([1, 2]);
    expect(evaluate("filter([1, 2], { # > 1})", env)).toEqual([2]);
    expect(evaluate("map([1, 2], { # * 2 })", env)).toEqual([2, 4]);
    expect(evaluateRaw("asInt(inputs.parameters['my-int-param'])", env)).toBe(7n);
    expect(evaluateRaw("asFloat(inputs.parameters['my-float-param'])", env)).toBe(2.5);
    expect(evaluate("string(1)", env)).toBe("1");
    expect(evaluate("toJson([1, 2])", env)).toBe("[1,2]");
    expect(evaluate("jsonpath(inputs.parameters.json, '$.some.path')", env)).toBe(1);
    expect(evaluate("sprig.trim(inputs.parameters['my-string-param'])", env)).toBe("x");
  });
  it("toJson has no indentation, expr's toJSON does", () => {
    expect(evaluate("toJson({a: [1]})", argoEnv({}))).toBe(`{"a":[1]}`);
    expect(evaluate("toJSON({a: [1]})", {})).toBe(`{\n  "a": [\n    1\n  ]\n}`);
  });
  it("fromJSON is expr-lang's; fromJson only exists as sprig.fromJson", () => {
    expect(evaluate(`fromJSON('{"a": 1}').a`, argoEnv({}))).toBe(1);
    expect(evaluate(`sprig.fromJson('{"a": 1}').a`, argoEnv({}))).toBe(1);
    expect(detail(() => evaluate(`fromJson('{}')`, argoEnv({})))).toMatch(/^unknown name fromJson/);
  });
  it("sprig's env and expandenv are removed", () =>
    expect(evaluate("sprig.env == nil && sprig.expandenv == nil", argoEnv({}))).toBe(true));
  it("asInt rejects what strconv.Atoi rejects", () => {
    expect(detail(() => evaluate("asInt('5.0')", argoEnv({})))).toMatch(/^invalid operation: int\(5\.0\)/);
    expect(evaluateRaw("sprig.int('5.0')", argoEnv({}))).toBe(5n);
    expect(evaluateRaw("sprig.int('abc')", argoEnv({}))).toBe(0n);
  });
  it("a Go-typed sprig parameter given the wrong type fails as reflection does", () =>
    expect(detail(() => evaluate("sprig.trim(5)", argoEnv({})))).toMatch(/^reflect: Call using int as type string/));
  it("expanding the flat scope drops a parent key that has children", () =>
    expect(expandScope({ "a.b": 1, "a.c.d": 2, a: 3, ab: 4, abb: 5 })).toEqual({
      a: { b: 1, c: { d: 2 } },
      ab: 4,
      abb: 5,
    }));
});

// Sprig v3.3.0's own tests (strings_test.go, numeric_test.go, defaults_test.go, list_test.go), as calls.
describe("sprig functions", () => {
  const env = argoEnv({});
  it.each([
    [`sprig.substr(0, 3, "fooo")`, "foo"],
    [`sprig.substr(0, 10, "foo")`, "foo"],
    [`sprig.trunc(3, "foooooo")`, "foo"],
    [`sprig.trunc(-3, "baaaaaar")`, "aar"],
    [`sprig.trunc(-999, "baaaaaar")`, "baaaaaar"],
    [`sprig.quote("a", "b", "c")`, `"a" "b" "c"`],
    [`sprig.quote("\\"a\\"", "b", "c")`, `"\\"a\\"" "b" "c"`],
    [`sprig.quote(1, 2, 3)`, `"1" "2" "3"`],
    [`sprig.squote("a", "b", "c")`, `'a' 'b' 'c'`],
    [`sprig.squote(1, 2, 3)`, `'1' '2' '3'`],
    [`sprig.split("$", "foo$bar$baz")._0`, "foo"],
    [`sprig.splitn("$", 2, "foo$bar$baz")._0`, "foo"],
    [`sprig.b64enc("coffee")`, "Y29mZmVl"],
    [`sprig.b64dec("Y29mZmVl")`, "coffee"],
    [`sprig.cat("a", "b", "c")`, "a b c"],
    [`sprig.cat("a", "b", nil)`, "a b"],
    [`sprig.indent(4, "a\\nb\\nc")`, "    a\n    b\n    c"],
    [`sprig.nindent(4, "a\\nb\\nc")`, "\n    a\n    b\n    c"],
    [`sprig.replace(" ", "-", "I Am Henry VIII")`, "I-Am-Henry-VIII"],
    [`sprig.plural("1 char", "chars", 3)`, "chars"],
    [`sprig.plural("cheese", "%d chars", 1)`, "cheese"],
    [`sprig.join("-", sprig.tuple("a", "b", "c"))`, "a-b-c"],
    [`sprig.join("-", sprig.tuple(1, 2, 3))`, "1-2-3"],
    [`sprig.default("foo", "")`, "foo"],
    [`sprig.default("foo", "bar")`, "bar"],
    [`sprig.default("foo", nil)`, "foo"],
    [`sprig.coalesce("", nil, "x")`, "x"],
    [`sprig.ternary("foo", "bar", true)`, "foo"],
    [`sprig.ternary("foo", "bar", false)`, "bar"],
    [`sprig.toString(1)`, "1"],
    [`sprig.upper("foo")`, "FOO"],
    [`sprig.title("hello world")`, "Hello World"],
    [`sprig.trimAll("$", "$5.00$")`, "5.00"],
    [`sprig.trimPrefix("-", "-5")`, "5"],
    [`sprig.trimSuffix("-", "5-")`, "5"],
    [`sprig.contains("cat", "fat cat")`, true],
    [`sprig.hasPrefix("cat", "catch")`, true],
    [`sprig.seq(3)`, "1 2 3"],
    [`sprig.seq(2, 4)`, "2 3 4"],
    [`sprig.seq(0, 2, 6)`, "0 2 4 6"],
    [`sprig.add(1, 2, 3)`, 6],
    [`sprig.sub(3, 2)`, 1],
    [`sprig.div(10, 3)`, 3],
    [`sprig.mod(10, 3)`, 1],
    [`sprig.mul(2, 3, 4)`, 24],
    [`sprig.max(1, 5, 3)`, 5],
    [`sprig.min(4, 2, 3)`, 2],
    [`sprig.int64("42")`, 42],
    [`sprig.float64("1.5")`, 1.5],
    [`sprig.until(3)`, [0, 1, 2]],
    [`sprig.untilStep(0, 6, 2)`, [0, 2, 4]],
    [`sprig.first([1, 2])`, 1],
    [`sprig.last([1, 2])`, 2],
    [`sprig.rest([1, 2, 3])`, [2, 3]],
    [`sprig.initial([1, 2, 3])`, [1, 2]],
    [`sprig.uniq([1, 1, 2])`, [1, 2]],
    [`sprig.without([1, 2, 3], 2)`, [1, 3]],
    [`sprig.has(2, [1, 2])`, true],
    [`sprig.compact([1, "", nil, 2])`, [1, 2]],
    [`sprig.dict("a", 1, "b")`, { a: 1, b: "" }],
    [`sprig.hasKey({a: 1}, "a")`, true],
    [`sprig.get({a: 1}, "b")`, ""],
    [`sprig.pluck("a", {a: 1}, {b: 2}, {a: 3})`, [1, 3]],
    [`sprig.dig("a", "b", "none", {a: {b: "x"}})`, "x"],
    [`sprig.dig("a", "c", "none", {a: {b: "x"}})`, "none"],
    [`sprig.regexMatch("^[a-z]+$", "abc")`, true],
    [`sprig.regexFind("[0-9]+", "abc123def456")`, "123"],
    [`sprig.regexFindAll("[0-9]", "a1b2c3", -1)`, ["1", "2", "3"]],
    [`sprig.regexReplaceAll("a(x*)b", "-ab-axxb-", "\${1}W")`, "-W-xxW-"],
    [`sprig.regexSplit("z+", "pizza", -1)`, ["pi", "a"]],
    [`sprig.base("/a/b.txt")`, "b.txt"],
    [`sprig.dir("/a/b.txt")`, "/a"],
    [`sprig.ext("/a/b.txt")`, ".txt"],
    [`sprig.clean("/a/../b/./c")`, "/b/c"],
    [`sprig.sha256sum("hello")`, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"],
    [`sprig.empty("")`, true],
    [`sprig.empty(0)`, true],
    [`sprig.empty([1])`, false],
    [`sprig.date("2006-01-02", sprig.toDate("2006-01-02T15:04:05Z07:00", "2024-05-01T10:00:00Z"))`, "2024-05-01"],
    [`sprig.date("2006-01-02", sprig.toDate("2006-01-02", "junk"))`, "0001-01-01"],
  ])("%s", (code, want) => expect(evaluate(code, env)).toEqual(want));
});

describe("expr-lang types and errors", () => {
  it("int and float arithmetic", () => {
    expect(evaluateRaw("7 / 2", {})).toBe(3.5);
    expect(evaluateRaw("7 % 2", {})).toBe(1n);
    expect(evaluateRaw("2 * 3", {})).toBe(6n);
    expect(evaluateRaw("2 * 3.0", {})).toBe(6);
    expect(evaluateRaw("9223372036854775807 + 1", {})).toBe(-9223372036854775808n);
    expect(detail(() => evaluateRaw("7.5 % 2", {}))).toMatch(
      /^invalid operation: % \(mismatched types float64 and int\) \(1:5\)/,
    );
    expect(detail(() => evaluateRaw("x % 2", { x: 7.5 }))).toMatch(
      /^invalid operation: % \(mismatched types float64 and int\)/,
    );
    expect(detail(() => evaluateRaw("a.f % 2", { a: { f: 7.5 } }))).toMatch(
      /^invalid operation: float64 % int \(1:5\)/,
    );
    expect(detail(() => evaluateRaw("1 % 0", {}))).toMatch(/^runtime error: integer divide by zero/);
  });
  it("mixed comparisons", () => {
    expect(evaluate("1 == 1.0", {})).toBe(true);
    expect(evaluate("1 < 1.5", {})).toBe(true);
    // Known types are checked when the expression compiles; values read from nested maps at run time.
    expect(detail(() => evaluate("'1' == 1", {}))).toBe(
      "invalid operation: == (mismatched types string and int) (1:5)\n | '1' == 1\n | ....^",
    );
    expect(evaluate("a.x == 1", { a: { x: "1" } })).toBe(false);
    expect(detail(() => evaluate("a < 1", { a: "1" }))).toMatch(
      /^invalid operation: < \(mismatched types string and int\)/,
    );
    expect(detail(() => evaluate("a.x < 1", { a: { x: "1" } }))).toMatch(/^invalid operation: string < int/);
    expect(detail(() => evaluate("'a' + 1", {}))).toMatch(
      /^invalid operation: \+ \(mismatched types string and int\) \(1:5\)/,
    );
    expect(detail(() => evaluate("true || 'a' in 'b'", {}))).toMatch(
      /^invalid operation: in \(mismatched types string and string\)/,
    );
  });
  it("member access", () => {
    expect(evaluate("a.b", { a: { b: "x" } })).toBe("x");
    expect(evaluate("a.missing", { a: {} })).toBe(null);
    const env = { a: { n: null } };
    expect(evaluate("a.n?.b", env)).toBe(null);
    expect(evaluate("a.n?.b.c.d", env)).toBe(null);
    expect(evaluate("a.n?.b ?? 'd'", env)).toBe("d");
    expect(detail(() => evaluate("a.n.b", env))).toBe("cannot fetch b from <nil> (1:5)\n | a.n.b\n | ....^");
    // A top-level nil is known to the checker.
    expect(detail(() => evaluate("a?.b", { a: null }))).toMatch(/^type nil has no field b/);
    expect(evaluate("[1, 2, 3][-1]", {})).toBe(3);
    expect(detail(() => evaluate("[1][5]", {}))).toMatch(/^index out of range: 5 \(array length is 1\)/);
    expect(evaluate("[1, 2, 3, 4][1:3]", {})).toEqual([2, 3]);
    expect(evaluate("'hello'[1:3]", {})).toBe("el");
  });
  it("operators", () => {
    expect(evaluate("'ab' matches '^a'", {})).toBe(true);
    expect(evaluate("'ab' not contains 'c'", {})).toBe(true);
    expect(evaluate("not ('a' startsWith 'b')", {})).toBe(true);
    expect(evaluate("'a' in {a: 1}", {})).toBe(true);
    expect(evaluate("2 not in [1, 3]", {})).toBe(true);
    expect(evaluate("1..3", {})).toEqual([1, 2, 3]);
    expect(evaluate("nil ?? 'x'", {})).toBe("x");
    expect(evaluate("true ? 'y' : 'n'", {})).toBe("y");
    expect(evaluate("let x = 2; x * x", {})).toBe(4);
    expect(evaluate("[1, 2, 3] | filter(# > 1) | map(# * 10)", {})).toEqual([20, 30]);
    expect(evaluate("reduce(1..4, #acc + #)", {})).toBe(10);
    expect(evaluate("filter([{n: 1}, {n: 2}], .n > 1)", {})).toEqual([{ n: 2 }]);
    expect(evaluate("map(['a', 'b'], #index)", {})).toEqual([0, 1]);
    expect(evaluate("one([1, 2], # == 2) and none([1], # > 1) and any([1], # == 1) and all([], false)", {})).toBe(true);
    expect(evaluate("count([1, 2, 3], # > 1)", {})).toBe(2);
    expect(evaluate("find([1, 2, 3], # > 1)", {})).toBe(2);
    expect(evaluate("findLastIndex([1, 2, 3], # > 1)", {})).toBe(2);
    expect(evaluate("sortBy([{n: 2}, {n: 1}], .n)", {})).toEqual([{ n: 1 }, { n: 2 }]);
    expect(evaluate("1 /* comment */ + // to the end\n 2", {})).toBe(3);
    expect(evaluate(`"\\u00e9\\x41\\101" + 'it\\'s'`, {})).toBe("éAAit's");
    expect(evaluate("`raw\\n`", {})).toBe("raw\\n");
    expect(evaluate("0x1F + 0b11 + 0o7 + 1_000", {})).toBe(1041);
    expect(evaluate("-2 ** 2", {})).toBe(-4);
    expect(evaluate("2 ** 3 ** 2", {})).toBe(512);
    expect(evaluate("!true == false", {})).toBe(true);
  });
  it("`&&` and `||` need booleans on the left, as the VM's jumps do", () => {
    expect(detail(() => evaluate("a.s && true", { a: { s: "x" } }))).toMatch(
      /^interface conversion: interface \{\} is string, not bool/,
    );
    expect(detail(() => evaluate("'a' && true", {}))).toMatch(
      /^invalid operation: && \(mismatched types string and bool\)/,
    );
    expect(evaluate("false && a.s", { a: { s: "x" } })).toBe(false);
    expect(evaluate("true && a.s", { a: { s: "x" } })).toBe("x");
  });
  it("syntax errors name the position", () => {
    expect(detail(() => parseExpr("1 +"))).toBe("unexpected token EOF (1:3)\n | 1 +\n | ..^");
    expect(detail(() => parseExpr("a @ b"))).toBe("unrecognized character: U+0040 '@' (1:3)\n | a @ b\n | ..^");
    expect(detail(() => parseExpr("'abc"))).toMatch(/^literal not terminated/);
    expect(detail(() => parseExpr("a ?? b || c"))).toMatch(
      /^Operator \(\|\|\) and coalesce expressions \(\?\?\) cannot be mixed/,
    );
    expect(detail(() => parseExpr("1x"))).toMatch(/^bad number syntax: "1x"/);
    expect(detail(() => parseExpr("filter([1])"))).toMatch(/^expected at least 2 arguments/);
  });
  it("unknown names are compile errors, even in branches not taken", () => {
    expect(detail(() => evaluate("true || foo", {}))).toBe("unknown name foo (1:9)\n | true || foo\n | ........^");
    expect(evaluate("$env.a", { a: 1n })).toBe(1);
  });
  it("the message names the expression", () => {
    try {
      evaluate("nope", {});
    } catch (e) {
      expect(e).toBeInstanceOf(ExprError);
      expect((e as ExprError).code).toBe("E_EXPR");
      expect((e as ExprError).message).toMatch(/^expression "nope": unknown name nope/);
      expect((e as ExprError).position).toEqual({ line: 1, column: 1 });
    }
  });
  it("formatValue is Go's %v (Argo's AnyString of valueFrom.expression)", () => {
    expect(formatValue(evaluateRaw("1000000.0", {}))).toBe("1e+06");
    expect(formatValue(evaluateRaw("123456.5", {}))).toBe("123456.5");
    expect(formatValue(evaluateRaw("0.00001", {}))).toBe("1e-05");
    expect(formatValue(evaluateRaw("1000000", {}))).toBe("1000000");
    expect(formatValue(evaluateRaw("[1, 'a', true, nil]", {}))).toBe("[1 a true <nil>]");
    expect(formatValue(evaluateRaw("{b: 1, a: 2}", {}))).toBe("map[a:2 b:1]");
    expect(formatValue(evaluateRaw("string(2.0) + string(0.5)", {}))).toBe("20.5");
  });
});
