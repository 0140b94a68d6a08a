import { describe, expect, it } from "vitest";
import { ExprError } from "./errors.js";
import { evaluateWhen, evaluateWhenValue } from "./when.js";

// Argo v4.1 workflow/controller/when_test.go TestShouldExecute.
const argoTrue = [
  "foo == foo",
  "'ref/branch/master' == 'ref/branch/master'",
  "foo != bar",
  "1 == 1",
  "1 != 2",
  "1 < 2",
  "1 <= 1",
  "1/2 == 0.5",
  "a < b",
  "(foo == bar) || (foo == foo)",
  "(1 > 0) && (1 < 2)",
  "Error in (Failed, Error)",
  "!(Succeeded in (Failed, Error))",
  "true == true",
];
const argoFalse = [
  "foo != foo",
  "'ref/branch/master' != 'ref/branch/master'",
  "foo == bar",
  "1 != 1",
  "1 == 2",
  "1 > 2",
  "1 <= 0",
  "1/2 != 0.5",
  "a > b",
  "(foo == bar) || (bar == foo)",
  "(1 > 0) && (11 < 2)",
  "Succeeded in (Failed, Error)",
  "!(Error in (Failed, Error))",
  "false == true",
];

describe("when: Argo's shouldExecute cases", () => {
  it.each(argoTrue)("%s is true", (w) => expect(evaluateWhen(w)).toBe(true));
  it.each(argoFalse)("%s is false", (w) => expect(evaluateWhen(w)).toBe(false));
  it("an empty when executes", () => expect(evaluateWhen("")).toBe(true));
});

// Knetic/govaluate evaluation_test.go TestNoParameterEvaluation (the commit Argo pins): name, input, expected.
const govaluate: readonly (readonly [string, string, number | boolean | string])[] = [
  ["Single PLUS", "51 + 49", 100.0],
  ["Single MINUS", "100 - 51", 49.0],
  ["Single BITWISE AND", "100 & 50", 32.0],
  ["Single BITWISE OR", "100 | 50", 118.0],
  ["Single BITWISE XOR", "100 ^ 50", 86.0],
  ["Single shift left", "2 << 1", 4.0],
  ["Single shift right", "2 >> 1", 1.0],
  ["Single BITWISE NOT", "~10", -11.0],
  ["Single MULTIPLY", "5 * 20", 100.0],
  ["Single DIVIDE", "100 / 20", 5.0],
  ["Single even MODULUS", "100 % 2", 0.0],
  ["Single odd MODULUS", "101 % 2", 1.0],
  ["Single EXPONENT", "10 ** 2", 100.0],
  ["Compound PLUS", "20 + 30 + 50", 100.0],
  ["Compound BITWISE AND", "20 & 30 & 50", 16.0],
  ["Mutiple operators", "20 * 5 - 49", 51.0],
  ["Parenthesis usage", "100 - (5 * 10)", 50.0],
  ["Nested parentheses", "50 + (5 * (15 - 5))", 100.0],
  ["Nested parentheses with bitwise", "100 ^ (23 * (2 | 5))", 197.0],
  ["Logical OR operation of two clauses", "(1 == 1) || (true == true)", true],
  ["Logical AND operation of two clauses", "(1 == 1) && (true == true)", true],
  ["Implicit boolean", "2 > 1", true],
  ["Compound boolean", "5 < 10 && 1 < 5", true],
  ["Evaluated true && false operation (for issue #8)", "1 > 10 && 11 > 10", false],
  ["Evaluated true && false operation (for issue #8)", "true == true && false == true", false],
  ["Parenthesis boolean", "10 < 50 && (1 != 2 && 1 > 0)", true],
  ["Comparison of string constants", "'foo' == 'foo'", true],
  ["NEQ comparison of string constants", "'foo' != 'bar'", true],
  ["REQ comparison of string constants", "'foobar' =~ 'oba'", true],
  ["NREQ comparison of string constants", "'foo' !~ 'bar'", true],
  ["Multiplicative/additive order", "5 + 10 * 2", 25.0],
  ["Multiple constant multiplications", "10 * 10 * 10", 1000.0],
  ["Multiple adds/multiplications", "10 * 10 * 10 + 1 * 10 * 10", 1100.0],
  ["Modulus precedence", "1 + 101 % 2 * 5", 6.0],
  ["Exponent precedence", "1 + 5 ** 3 % 2 * 5", 6.0],
  ["Bit shift precedence", "50 << 1 & 90", 64.0],
  ["Bit shift precedence", "90 & 50 << 1", 64.0],
  ["Bit shift precedence amongst non-bitwise", "90 + 50 << 1 * 5", 4480.0],
  ["Order of non-commutative same-precedence operators (additive)", "1 - 2 - 4 - 8", -13.0],
  ["Order of non-commutative same-precedence operators (multiplicative)", "1 * 4 / 2 * 8", 16.0],
  ["Null coalesce precedence", "true ?? true ? 100 + 200 : 400", 300.0],
  ["Identical date equivalence", "'2014-01-02 14:12:22' == '2014-01-02 14:12:22'", true],
  ["Positive date GT", "'2014-01-02 14:12:22' > '2014-01-02 12:12:22'", true],
  ["Negative date GT", "'2014-01-02 14:12:22' > '2014-01-02 16:12:22'", false],
  ["Positive date GTE", "'2014-01-02 14:12:22' >= '2014-01-02 12:12:22'", true],
  ["Negative date GTE", "'2014-01-02 14:12:22' >= '2014-01-02 16:12:22'", false],
  ["Positive date LT", "'2014-01-02 14:12:22' < '2014-01-02 16:12:22'", true],
  ["Negative date LT", "'2014-01-02 14:12:22' < '2014-01-02 11:12:22'", false],
  ["Positive date LTE", "'2014-01-02 09:12:22' <= '2014-01-02 12:12:22'", true],
  ["Negative date LTE", "'2014-01-02 14:12:22' <= '2014-01-02 11:12:22'", false],
  ["Sign prefix comparison", "-1 < 0", true],
  ["Lexicographic LT", "'ab' < 'abc'", true],
  ["Lexicographic LTE", "'ab' <= 'abc'", true],
  ["Lexicographic GT", "'aba' > 'abc'", false],
  ["Lexicographic GTE", "'aba' >= 'abc'", false],
  ["Boolean sign prefix comparison", "!true == false", true],
  ["Inversion of clause", "!(10 < 0)", true],
  ["Negation after modifier", "10 * -10", -100.0],
  ["Ternary with single boolean", "true ? 10", 10.0],
  ["Ternary with comparator boolean", "10 > 5 ? 35.50", 35.5],
  ["Ternary with parentheses", "(5 * (15 - 5)) > 5 ? 35.50", 35.5],
  ["Ternary precedence", "true ? 35.50 > 10", true],
  ["Ternary-else", "false ? 35.50 : 50", 50.0],
  ["Ternary-else inside clause", "(false ? 5 : 35.50) > 10", true],
  ["Ternary-else (true-case) inside clause", "(true ? 1 : 5) < 10", true],
  ["Ternary-else before comparator (negative case)", "true ? 1 : 5 > 10", 1.0],
  ["Nested ternaries (#32)", "(2 == 2) ? 1 : (true ? 2 : 3)", 1.0],
  ["Nested ternaries, right case (#32)", "false ? 1 : (true ? 2 : 3)", 2.0],
  ["Doubly-nested ternaries (#32)", "true ? (false ? 1 : (false ? 2 : 3)) : (false ? 4 : 5)", 3.0],
  ["String to string concat", "'foo' + 'bar' == 'foobar'", true],
  ["String to float64 concat", "'foo' + 123 == 'foo123'", true],
  ["Float64 to string concat", "123 + 'bar' == '123bar'", true],
  ["String to date concat", "'foo' + '02/05/1970' == 'foobar'", false],
  ["String to bool concat", "'foo' + true == 'footrue'", true],
  ["Bool to string concat", "true + 'bar' == 'truebar'", true],
  ["Null coalesce left", "1 ?? 2", 1.0],
  ["Array membership literals", "1 in (1, 2, 3)", true],
  ["Array membership literal with inversion", "!(1 in (1, 2, 3))", false],
  ["Logical operator reordering (#30)", "(true && true) || (true && false)", true],
  ["Logical operator reordering without parens (#30)", "true && true || true && false", true],
  ["Logical operator reordering with multiple OR (#30)", "false || true && true || false", true],
  ["Left-side multiple consecutive (should be reordered) operators", "(10 * 10 * 10) > 10", true],
  ["Three-part non-paren logical op reordering (#44)", "false && true || true", true],
  ["Three-part non-paren logical op reordering (#44), second one", "true || false && true", true],
  ["Logical operator reordering without parens (#45)", "true && true || false && false", true],
];

describe("when: govaluate's own evaluation cases", () => {
  it.each(govaluate)("%s: %s", (_name, input, want) => expect(evaluateWhenValue(input)).toStrictEqual(want));
});

// The `when:` of vendor/argo/examples, after substitution with the values the examples produce.
const examples: readonly (readonly [string, boolean])[] = [
  ["YES == YES", true],
  ["heads == heads", true],
  ["heads == tails", false],
  ["tails == tails", true],
  ["5 != 1 && 5 != 2", true],
  ["2 != 1 && 2 != 2", false],
  ["Succeeded == Succeeded", true],
  ["Failed == Succeeded", false],
  ["Failed == Failed", true],
  ["3 < 10", true],
  ["10 < 10", false],
  ["even == even", true],
  ["odd == even", false],
  ["Failed != Succeeded", true],
  ["true == true", true],
  ["false", false],
  ["true", true],
  ["Skipped == Succeeded", false],
];

describe("when: the examples' conditions", () => {
  it.each(examples)("%s", (w, want) => expect(evaluateWhen(w)).toBe(want));
});

describe("when: errors as Argo words them", () => {
  const err = (w: string): ExprError => {
    try {
      evaluateWhen(w);
    } catch (e) {
      if (e instanceof ExprError) return e;
      throw e;
    }
    throw new Error(`no error for ${w}`);
  };
  it("an invalid token gets the quoting hint", () => {
    const e = err("1 ==- 1");
    expect(e.code).toBe("E_WHEN");
    expect(e.detail).toBe(
      `Invalid 'when' expression '1 ==- 1': Invalid token: '==-' (hint: try wrapping the affected expression in quotes ("))`,
    );
  });
  it("an unexported accessor (an unsubstituted dotted name) is invalid", () => {
    expect(err("{{steps.a.outputs.result}} == x").detail).toMatch(/^Invalid 'when' expression '\{\{steps/);
    expect(err("foo.bar == x").detail).toBe(
      "Invalid 'when' expression 'foo.bar == x': Unable to access unexported field 'bar' in token 'foo.bar'",
    );
  });
  it("a hyphenated bare word is a subtraction of strings", () => {
    expect(err("flip-coin == heads").detail).toBe(
      "Failed to evaluate 'when' expresion 'flip-coin == heads': Value 'flip' cannot be used with the modifier '-', it is not a number",
    );
  });
  it("unbalanced parentheses", () =>
    expect(err("(a == b").detail).toBe("Invalid 'when' expression '(a == b': Unbalanced parenthesis"));
  it("unclosed string", () =>
    expect(err("'a == b").detail).toBe("Invalid 'when' expression ''a == b': Unclosed string literal"));
  it("a dangling operator", () =>
    expect(err("a ==").detail).toBe("Invalid 'when' expression 'a ==': Unexpected end of expression"));
  it("a call of an unknown function", () =>
    expect(err("foo(1)").detail).toBe("Invalid 'when' expression 'foo(1)': Undefined function foo"));
  it("a non-boolean result", () => {
    expect(err("1 + 1").detail).toBe("Expected boolean evaluation for '1 + 1'. Got 2");
    expect(err("heads").detail).toBe("Expected boolean evaluation for 'heads'. Got heads");
    expect(err("false ? 1").detail).toBe("Expected boolean evaluation for 'false ? 1'. Got <nil>");
  });
  it("ordering a number against a string", () =>
    expect(err("1 < a").detail).toBe(
      "Failed to evaluate 'when' expresion '1 < a': Value '1' cannot be used with the comparator '<', it is not a number",
    ));
  it("&& on a string", () =>
    expect(err("a && true").detail).toBe(
      "Failed to evaluate 'when' expresion 'a && true': Value 'a' cannot be used with the logical operator '&&', it is not a bool",
    ));
  it("short-circuits before type checks", () => {
    expect(evaluateWhen("false && a")).toBe(false);
    expect(evaluateWhen("true || a")).toBe(true);
  });
  it("in needs a tuple", () =>
    expect(err("a in (a)").detail).toBe(
      "Failed to evaluate 'when' expresion 'a in (a)': Value 'a' cannot be used with the comparator 'in', it is not a number",
    ));
  it("regular expressions on bare words and strings", () => {
    expect(evaluateWhen("hello =~ 'ell'")).toBe(true);
    expect(evaluateWhen("'pod deleted' =~ 'imminent node shutdown|pod deleted'")).toBe(true);
    expect(evaluateWhen("hello !~ 'x$'")).toBe(true);
    expect(err("hello !~ ^h").detail).toBe(
      "Invalid 'when' expression 'hello !~ ^h': Cannot transition token types from COMPARATOR [!~] to MODIFIER [^]",
    );
  });
  it("numbers compare as float64, quoted numbers as strings", () => {
    expect(evaluateWhen("10 > 9")).toBe(true);
    expect(evaluateWhen("'10' > '9'")).toBe(false);
    expect(evaluateWhen("1.0 == 1")).toBe(true);
    expect(evaluateWhen("'1' == 1")).toBe(false);
  });
});
