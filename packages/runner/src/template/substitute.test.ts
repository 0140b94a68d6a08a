import { describe, expect, it } from "vitest";
import { argoEnv } from "../expr/argo-env.js";
import { evaluateRaw, exprIdentifiers } from "../expr/evaluate.js";
import { goJSON } from "../expr/value.js";
import { placeholders } from "./placeholders.js";
import { shouldExecute } from "./should-execute.js";
import {
  anyVarNotInEnv,
  hasVarInEnv,
  missingVarsInEnv,
  replaceJSON,
  SubstitutionError,
  substitute,
  substituteObject,
} from "./substitute.js";

// Ported from Argo v4.1 util/template/*_test.go. `toJSONString` is Go's json.Marshal of a string.
const j = (s: string) => JSON.stringify(s);
type Scope = Readonly<Record<string, unknown>>;
const replace = (s: string, scope: Scope | undefined, allowUnresolved: boolean) =>
  replaceJSON(s, scope ?? {}, { allowUnresolved });
const strict = (s: string, scope: Scope, prefixes: readonly string[]) => replaceJSON(s, scope, { strict: prefixes });
const error = (f: () => unknown): SubstitutionError => {
  try {
    f();
  } catch (e) {
    if (e instanceof SubstitutionError) return e;
    throw e;
  }
  throw new Error("no error");
};

describe("Replace (replace_test.go Test_Replace)", () => {
  it("InvalidTemplate", () => expect(() => replace(j("{{"), undefined, false)).toThrow(SubstitutionError));
  it("Simple/Valid", () => expect(replace(j("{{foo}}"), { foo: "bar" }, false)).toBe(j("bar")));
  it("Simple/Unresolved/Allowed", () => expect(replace(j("{{foo}}"), undefined, true)).toBe(j("{{foo}}")));
  it("Simple/Unresolved/Disallowed", () => {
    const e = error(() => replace(j("{{foo}}"), undefined, false));
    expect(e.detail).toBe("failed to resolve {{foo}}");
    expect(e.missing).toBe(true);
  });
  it("Expression/Valid", () => expect(replace(j("{{=foo}}"), { foo: "bar" }, false)).toBe(j("bar")));
  it("Expression/Valid With Variadic Sprig Expression", () =>
    expect(replace(j("{{=sprig.dig('status', nil, workflow)}}"), { "workflow.status": "Succeeded" }, false)).toBe(
      j("Succeeded"),
    ));
  it("Expression/Valid WorkflowStatus", () => {
    const e = j(`{{=workflow.status == "Succeeded" ? "SUCCESSFUL" : "FAILED"}}`);
    expect(replace(e, { "workflow.status": "Succeeded" }, false)).toBe(j("SUCCESSFUL"));
    expect(replace(e, { "workflow.status": "Failed" }, false)).toBe(j("FAILED"));
  });
  it("Expression/Valid WorkflowFailures", () => {
    const e = j(`{{=workflow.failures == "{\\"foo\\":\\"bar\\"}" ? "SUCCESSFUL" : "FAILED"}}`);
    expect(replace(e, { "workflow.failures": `{"foo":"bar"}` }, false)).toBe(j("SUCCESSFUL"));
    expect(replace(e, { "workflow.failures": `{"foo":"barr"}` }, false)).toBe(j("FAILED"));
  });
  it("Expression/Unresolved/Allowed", () => expect(replace(j("{{=foo}}"), undefined, true)).toBe(j("{{=foo}}")));
  it("Expression/Unresolved/AllowedRetries", () =>
    expect(replace(j("{{=sprig.int(retries)}}"), undefined, true)).toBe(j("{{=sprig.int(retries)}}")));
  it("Expression/Unresolved/AllowedWorkflowStatus", () => {
    const e = j(`{{=workflow.status == "Succeeded" ? "SUCCESSFUL" : "FAILED"}}`);
    expect(replace(e, undefined, true)).toBe(e);
  });
  it("Expression/Unresolved/AllowedWorkflowFailures", () => {
    const e = j(`{{=workflow.failures == "Succeeded" ? "SUCCESSFUL" : "FAILED"}}`);
    expect(replace(e, undefined, true)).toBe(e);
  });
  it("Expression/Unresolved/Disallowed", () => {
    const e = error(() => replace(j("{{=foo}}"), undefined, false));
    expect(e.detail).toBe("failed to evaluate expression: foo is missing");
    expect(e.missing).toBe(true);
  });
  it("Expression/Unresolved/DisallowedWorkflowStatus", () =>
    expect(
      error(() => replace(j(`{{=workflow.status == "Succeeded" ? "SUCCESSFUL" : "FAILED"}}`), undefined, false)).detail,
    ).toContain("failed to evaluate expression"));
  it("Expression/Unresolved/DisallowedWorkflowFailures", () =>
    expect(
      error(() => replace(j(`{{=workflow.failures == "Succeeded" ? "SUCCESSFUL" : "FAILED"}}`), undefined, false))
        .detail,
    ).toContain("failed to evaluate expression"));
  it("Expression/Error", () =>
    expect(error(() => replace(j("{{=!}}"), undefined, false)).detail).toContain("failed to evaluate expression"));
});

describe("an expression that fails at run time (expressionReplaceCore)", () => {
  // A Go function's error (jsonpath/fromJSON of text that is not JSON) is a run-time error of the
  // expression: left unresolved when unresolved tags are allowed, an error otherwise.
  const scope = { "workflow.parameters.data": "" };
  it("is left unresolved when unresolved tags are allowed", () => {
    expect(replace(j("{{= jsonpath(workflow.parameters.data, '$.id') }}"), scope, true)).toBe(
      j("{{= jsonpath(workflow.parameters.data, '$.id') }}"),
    );
    expect(replace(j("{{= fromJSON(workflow.parameters.data) }}"), scope, true)).toBe(
      j("{{= fromJSON(workflow.parameters.data) }}"),
    );
  });
  it("is an error naming the failure when they are not", () => {
    expect(error(() => replace(j("{{= jsonpath(workflow.parameters.data, '$.id') }}"), scope, false)).detail).toMatch(
      /failed to evaluate expression: unexpected end of JSON input/,
    );
  });
  it("is an error under ReplaceStrict when no variable is missing", () => {
    expect(error(() => strict(j("{{= fromJSON(workflow.parameters.data) }}"), scope, ["tasks"])).detail).toMatch(
      /failed to evaluate expression/,
    );
  });
});

describe("ReplaceStrict with ?? and ?. (Test_ReplaceStrict_NilCoalescing)", () => {
  const present = { item: { name: "a", optionalKey: "value" } };
  const missing = { item: { name: "b" } };
  it.each([
    ["nil-coalescing", "{{= item.optionalKey ?? 'fallback' }}"],
    ["nil-coalescing with bracket notation", "{{= item['optionalKey'] ?? 'fallback' }}"],
    ["optional chaining with nil-coalescing", "{{= item?.optionalKey ?? 'fallback' }}"],
  ])("%s", (_name, expression) => {
    expect(strict(j(expression), present, ["item"])).toBe(j("value"));
    expect(strict(j(expression), missing, ["item"])).toBe(j("fallback"));
  });
  it("missing base variable still fails strict check", () =>
    expect(error(() => strict(j("{{= item.optionalKey ?? 'fallback' }}"), {}, ["item"])).detail).toBe(
      "failed to evaluate expression: item is missing",
    ));
});

describe("nested tags (TestNestedReplaceString)", () => {
  const m = { "inputs.parameters.message": "hello world" };
  it.each([
    [
      `{{- with secret "{{inputs.parameters.message}}" -}}\n    {{ .Data.data.gitcreds }}\n  {{- end }}`,
      `{{- with secret "hello world" -}}\n    {{ .Data.data.gitcreds }}\n  {{- end }}`,
    ],
    [
      `{{- with {{ secret "{{inputs.parameters.message}}" -}}\n    {{ .Data.data.gitcreds }}\n  {{- end }}`,
      `{{- with {{ secret "hello world" -}}\n    {{ .Data.data.gitcreds }}\n  {{- end }}`,
    ],
    [
      `{{- with {{ secret "{{inputs.parameters.message}}" -}} }}\n    {{ .Data.data.gitcreds }}\n  {{- end }}`,
      `{{- with {{ secret "hello world" -}} }}\n    {{ .Data.data.gitcreds }}\n  {{- end }}`,
    ],
    [
      `{{- with secret "{{inputs.parameters.message}}" -}} }}\n    {{ .Data.data.gitcreds }}\n  {{- end }}`,
      `{{- with secret "hello world" -}} }}\n    {{ .Data.data.gitcreds }}\n  {{- end }}`,
    ],
    [
      `{{- with {{ {{ }} secret "{{inputs.parameters.message}}" -}} }}\n    {{ .Data.data.gitcreds }}\n  {{- end }}`,
      `{{- with {{ {{ }} secret "hello world" -}} }}\n    {{ .Data.data.gitcreds }}\n  {{- end }}`,
    ],
    [
      `{{- with {{ {{ }} secret "{{does-not-exist}}" -}} }}\n    {{ .Data.data.gitcreds }}\n  {{- end }}`,
      `{{- with {{ {{ }} secret "{{does-not-exist}}" -}} }}\n    {{ .Data.data.gitcreds }}\n  {{- end }}`,
    ],
  ])("%#", (input, want) => expect(replace(j(input), m, true)).toBe(j(want)));
});

describe("whitespace and sprig (TestReplaceStringWithWhiteSpace, TestReplaceStringWithExpression)", () => {
  const m = { "inputs.parameters.message": "hello world" };
  it("trims simple tags", () => expect(replace(j("{{ inputs.parameters.message }}"), m, true)).toBe(j("hello world")));
  it("sprig.trunc(5)", () =>
    expect(replace(j("test {{= sprig.trunc(5, inputs.parameters.message) }}"), m, true)).toBe(j("test hello")));
  it("sprig.trunc(-5)", () =>
    expect(replace(j("test {{= sprig.trunc(-5, inputs.parameters.message) }}"), m, true)).toBe(j("test world")));
});

describe("absent optionals (TestReplaceStrictAnyNilValues, TestReplaceStrictAnyNilNestedTag)", () => {
  const m = { "tasks.producer.outputs.parameters.msg": null, "tasks.other.outputs.parameters.msg": "real" };
  const p = ["tasks", "steps"];
  it("ExpressionFallbackFires", () =>
    expect(strict(j("{{= tasks.producer.outputs.parameters.msg ?? 'fallback'}}"), m, p)).toBe(j("fallback")));
  it("ExpressionFallbackNotFiredForEmptyString", () =>
    expect(
      strict(
        j("{{= tasks.producer.outputs.parameters.msg ?? 'fallback'}}"),
        { "tasks.producer.outputs.parameters.msg": "" },
        p,
      ),
    ).toBe(j("")));
  it("BareExpressionRefNilErrors", () =>
    expect(() => strict(j("{{= tasks.producer.outputs.parameters.msg}}"), m, p)).toThrow(SubstitutionError));
  it("SimpleTagAbsentValueErrors", () => {
    const e = error(() => strict(j("pre-{{tasks.producer.outputs.parameters.msg}}-post"), m, p));
    expect(e.detail).toContain("absent optional");
    expect(e.missing).toBe(false);
  });
  it("SimpleTagEmptyStringStillSubstitutes", () =>
    expect(
      strict(
        j("pre-{{tasks.producer.outputs.parameters.msg}}-post"),
        { "tasks.producer.outputs.parameters.msg": "" },
        p,
      ),
    ).toBe(j("pre--post")));
  it("RealValueStillWins", () =>
    expect(strict(j("{{= tasks.other.outputs.parameters.msg ?? 'fallback'}}"), m, p)).toBe(j("real")));
  it("MissingStrictIdentifierStillErrors", () =>
    expect(() => strict(j("{{= tasks.unknown.outputs.parameters.msg}}"), m, p)).toThrow(SubstitutionError));
  const input = "{{outer-{{steps.x.outputs.parameters.key}}}}";
  it("AbsentNestedValueErrors", () => {
    const e = error(() => strict(j(input), { "steps.x.outputs.parameters.key": null, "outer-": "resolved-outer" }, p));
    expect(e.missing).toBe(false);
  });
  it("EmptyNestedValueStillCollapses", () => {
    const scope = { "steps.x.outputs.parameters.key": "", "outer-": "resolved-outer" };
    const pass1 = strict(j(input), scope, p);
    expect(pass1).toBe(j("{{outer-}}"));
    expect(strict(pass1, scope, p)).toBe(j("resolved-outer"));
  });
});

describe("Template.Replace (template_test.go)", () => {
  const value = (input: string, scope: Scope = {}) =>
    (JSON.parse(replace(JSON.stringify({ value: input }), scope, true)) as { value: string }).value;
  it.each([
    ["ExprSingleQuotes", "{{='test'}}", "test"],
    ["ExprDoubleQuotes", `{{="test"}}`, "test"],
    ["ExprEscapedBackslashInString", `{{='some\\\\path\\\\with\\\\backslashes'}}`, `some\\path\\with\\backslashes`],
    [
      "ExprEscapedNewlineInString",
      `{{='some\\nstring\\nwith\\nescaped\\nnewlines'}}`,
      "some\nstring\nwith\nescaped\nnewlines",
    ],
    ["ExprNewline", "{{=1 + \n1}}", "2"],
    ["ExprStringAsJson", "{{=toJson('test')}}", `"test"`],
    ["ExprObjectAsJson", "{{=toJson({test: 1})}}", `{"test":1}`],
    ["ExprArrayAsJson", "{{=toJson([1, '2', {an: 'object'}])}}", `[1,"2",{"an":"object"}]`],
    ["ExprSingleQuoteAsString", `{{="'"}}`, `'`],
    ["ExprDoubleQuoteAsString", `{{='"'}}`, `"`],
    ["ExprBoolean", `{{=true == false}}`, "false"],
  ])("%s", (_n, input, want) => expect(value(input)).toBe(want));
  it.each([
    ["SimpleSingleQuoteAsString", `This is ' John`],
    ["SimpleDoubleQuoteAsString", `This is " John`],
  ])("%s", (_n, v) => expect(value("{{customParam}}", { customParam: v })).toBe(v));
  const e3 = `{"employees": [{"name": "Baris", "age":43, "friends": ["Mo", "Jai"]}, {"name": "Mo", "age": 42, "friends": ["Baris", "Jai"]}, {"name": "Jai", "age" :44, "friends": ["Baris", "Mo"]}]}`;
  const e2 = `{"employees": [{"name": "Baris", "age":43},{"name": "Mo", "age": 42}, {"name": "Jai", "age" :44}]}`;
  it.each([
    ["ExprNumArrayOutput", `{{=jsonpath('${e3}', '$.employees[*].name')}}`, `["Baris","Mo","Jai"]`],
    ["ExprStringArrayOutput", `{{=jsonpath('${e3}', '$.employees[0].friends')}}`, `["Mo","Jai"]`],
    ["ExprSimpleObjectOutput", `{{=jsonpath('${e2}', '$.employees[0]')}}`, `{"age":43,"name":"Baris"}`],
    [
      "ExprObjectArrayOutput",
      `{{=jsonpath('${e2}', '$')}}`,
      `{"employees":[{"age":43,"name":"Baris"},{"age":42,"name":"Mo"},{"age":44,"name":"Jai"}]}`,
    ],
    [
      "ExprArrayInObjectOutput",
      `{{=jsonpath('${e3}', '$.employees[0]')}}`,
      `{"age":43,"friends":["Mo","Jai"],"name":"Baris"}`,
    ],
  ])("%s", (_n, input, want) => expect(value(input)).toBe(want));
  it("NestedVariableResolution", () => {
    const m = { inner: "suffix", "outer-suffix": "final-value" };
    const pass1 = replace(`{"key": "{{outer-{{inner}}}}"}`, m, true);
    expect(JSON.parse(pass1)).toEqual({ key: "{{outer-suffix}}" });
    expect(JSON.parse(replace(pass1, m, true))).toEqual({ key: "final-value" });
  });
  it("TripleNestedVariableResolution", () => {
    const m = { C: "valC", "B valC": "valB", "A valB": "final" };
    const pass1 = replace(`{"key": "{{A {{B {{C}}}}}}"}`, m, true);
    expect(JSON.parse(pass1)).toEqual({ key: "{{A {{B valC}}}}" });
    const pass2 = replace(pass1, m, true);
    expect(JSON.parse(pass2)).toEqual({ key: "{{A valB}}" });
    expect(JSON.parse(replace(pass2, m, true))).toEqual({ key: "final" });
  });
});

describe("placeholders (expression_placeholder_test.go, expression_asint_test.go)", () => {
  const ph = "__argo__internal__placeholder-1";
  it.each([true, false])("a placeholder value is substituted as it is (allowUnresolved=%s)", (allow) =>
    expect(replace(j("{{=foo}}"), { foo: ph }, allow)).toBe(j(ph)),
  );
  it.each([true, false])("asInt of a placeholder stays unresolved (allowUnresolved=%s)", (allow) =>
    expect(replace(j("{{=asInt(foo)}}"), { foo: ph }, allow)).toBe(j("{{=asInt(foo)}}")),
  );
});

describe("hasVarInEnv (Test_hasVarInEnv)", () => {
  it("direct key present / absent", () => {
    expect(hasVarInEnv({ foo: "bar" }, "foo")).toBe(true);
    expect(hasVarInEnv({ foo: "bar" }, "baz")).toBe(false);
  });
  it("dotted key present as flat entry", () =>
    expect(hasVarInEnv({ "workflow.status": "Succeeded" }, "workflow.status")).toBe(true));
  it("nested map traversal", () => {
    expect(hasVarInEnv({ workflow: { status: "Succeeded" } }, "workflow.status")).toBe(true);
    expect(hasVarInEnv({ workflow: { status: "Succeeded" } }, "workflow.name")).toBe(false);
  });
  it("deeply nested map traversal", () => {
    const env = { a: { b: { c: 42n } } };
    expect(hasVarInEnv(env, "a.b.c")).toBe(true);
    expect(hasVarInEnv(env, "a.b.d")).toBe(false);
  });
  it("empty env", () => {
    expect(hasVarInEnv({}, "foo")).toBe(false);
    expect(hasVarInEnv({}, "foo.bar")).toBe(false);
  });
  it("non-traversable leaf value", () => expect(hasVarInEnv({ foo: "bar" }, "foo.bar")).toBe(false));
});

describe("getIdentifiers (Test_getIdentifiers)", () => {
  it.each([
    ["item.requiredKey", ["item", "item.requiredKey"]],
    ["item.optionalKey ?? 'fallback'", ["item"]],
    ["item['optionalKey'] ?? ''", ["item"]],
    ["item?.optionalKey", ["item"]],
    ["item.a?.b", ["item"]],
    ["item.requiredKey + (item.optionalKey ?? 'x')", ["item", "item.requiredKey"]],
    ["tasks.a.outputs.result ?? 'default'", ["tasks"]],
  ])("%s", (expression, want) => expect([...exprIdentifiers(expression)].sort()).toEqual([...want].sort()));
});

describe("anyVarNotInEnv and missingVarsInEnv", () => {
  it.each([
    "retries",
    "retries + 1",
    "sprig(retries)",
    "sprig(retries + 1) * 64",
    "item",
    "sprig.upper(item)",
    `workflow.status == "Succeeded" ? "SUCCESSFUL" : "FAILED"`,
  ])("late-binding variable detected when absent: %s", (e) => expect(anyVarNotInEnv(e, {})).toBeDefined());
  it.each(["foo", "retriesCustom + 1"])("unrelated identifiers do not match: %s", (e) =>
    expect(anyVarNotInEnv(e, {})).toBeUndefined(),
  );
  it("string literal is not an identifier", () =>
    expect(anyVarNotInEnv(`"workflow.status" == "Succeeded" ? "SUCCESSFUL" : "FAILED"`, {})).toBeUndefined());
  it("present in env is not reported", () => expect(anyVarNotInEnv("retries + 1", { retries: 1n })).toBeUndefined());
  it("nil leaf counts as present", () =>
    expect(missingVarsInEnv("tasks.a.out ?? 'x'", { tasks: { a: { out: null } } })).toEqual([]));
  it("missing identifiers reported", () => expect(missingVarsInEnv("foo + bar", { foo: "1" })).toEqual(["bar"]));
  it("unparseable errors", () => expect(() => missingVarsInEnv("foo +", {})).toThrow());
});

describe("Validate (validate_test.go) as placeholders()", () => {
  it("InvalidTemplate", () => expect(() => placeholders("{{")).toThrow(SubstitutionError));
  it("Simple", () =>
    expect(placeholders("{{foo}}")).toEqual([{ kind: "simple", name: "foo", text: "{{foo}}", offset: 0 }]));
  it("Expression", () =>
    expect(placeholders("{{=foo}}")).toEqual([{ kind: "expression", name: "foo", text: "{{=foo}}", offset: 0 }]));
  it("several, trimmed", () =>
    expect(placeholders("a {{ inputs.parameters.x }} b {{= item + 1 }}").map((p) => [p.kind, p.name])).toEqual([
      ["simple", "inputs.parameters.x"],
      ["expression", " item + 1 "],
    ]));
});

describe("substitute and substituteObject (a field's JSON text, as Argo marshals it)", () => {
  it("escapes quotes and newlines of values and restores them", () => {
    expect(substitute("echo {{inputs.parameters.m}}", { "inputs.parameters.m": 'say "hi"\nbye\t\\' })).toBe(
      'echo say "hi"\nbye\t\\',
    );
  });
  it("a value with a control character Go quotes as \\x.. fails, as in Argo", () => {
    expect(error(() => substitute("{{x}}", { x: "\x1b[1m" })).detail).toBe(
      "cannot finish template replacement because the result was invalid JSON",
    );
  });
  it("expression results: strings bare, other values as JSON text", () => {
    expect(substitute("{{=item}}", { item: "3" })).toBe("3");
    expect(substitute("{{=toJson(filter([1, 3], {# > 1}))}}", {})).toBe("[3]");
    expect(substitute("{{= {b: 1, a: [true, nil]} }}", {})).toBe(`{"a":[true,null],"b":1}`);
    expect(substitute("{{= 1.5 * 2 }}", {})).toBe("3");
    expect(substitute("{{= 1 / 3 }}", {})).toBe("0.3333333333333333");
    expect(substitute("{{= '<a&b>' }}", {})).toBe("<a&b>");
  });
  it("an expression that is nil fails", () =>
    expect(error(() => substitute("{{= nil }}", {})).detail).toBe(`failed to evaluate expression " nil "`));
  it("a what names the field", () =>
    expect(error(() => substitute("{{nope}}", {}, { what: 'template "print" args[0]' })).message).toBe(
      'template "print" args[0]: failed to resolve {{nope}}',
    ));
  it("substituteObject substitutes every string of a template", () => {
    const tmpl = {
      name: "print",
      container: { image: "alpine", args: ["{{inputs.parameters.x}}", "{{=asInt(inputs.parameters.n) + 1}}"] },
      n: 1,
    };
    expect(substituteObject(tmpl, { "inputs.parameters.x": 'a "b"', "inputs.parameters.n": "41" })).toEqual({
      name: "print",
      container: { image: "alpine", args: ['a "b"', "42"] },
      n: 1,
    });
  });
  it("strict prefixes leave other tags alone (ReplaceStrict)", () => {
    expect(
      substitute(
        "{{item}} {{tasks.a.outputs.result}}",
        { "tasks.a.outputs.result": "r" },
        { strict: ["tasks", "steps"] },
      ),
    ).toBe("{{item}} r");
    expect(error(() => substitute("{{tasks.b.outputs.result}}", {}, { strict: ["tasks"] })).missing).toBe(true);
    expect(substitute("{{tasks.b.outputs.artifacts.x}}", {}, { strict: ["tasks"] })).toBe(
      "{{tasks.b.outputs.artifacts.x}}",
    );
  });
  it("the env of an expression is the expanded scope", () => {
    expect(substitute("{{= inputs.parameters['my-param'] + '!' }}", { "inputs.parameters.my-param": "x" })).toBe("x!");
    expect(argoEnv({ "a.b": "1", a: "2" })).toMatchObject({ a: { b: "1" } });
  });
});

describe("the env an expression sees is the full expanded scope (fast paths agree with it)", () => {
  const scope = {
    "tasks.a.outputs.result": "ra",
    "tasks.a.outputs.parameters.p": "3",
    "tasks.b.id": "idb",
    item: '{"k":"v"}',
    "item.k": "v",
    "workflow.name": "wf",
  };
  it.each([
    "tasks.a.outputs.result",
    "asInt(tasks.a.outputs.parameters.p) + 1",
    "tasks.a.outputs",
    "toJson(tasks)",
    "len(tasks)",
    "item",
    "item.k",
    "tasks['b'].id",
    "tasks.a?.outputs?.result ?? 'x'",
    "sprig.upper(workflow.name)",
  ])("%s", (e) => {
    const full = evaluateRaw(e, argoEnv(scope));
    expect(substitute(`{{=${e}}}`, scope)).toBe(typeof full === "string" ? full : goJSON(full));
  });
  it("$env and let variables are identifiers Argo finds missing in strict mode", () => {
    expect(error(() => substitute("{{= $env.workflow.name }}", scope)).detail).toBe(
      "failed to evaluate expression: $env is missing",
    );
    expect(error(() => substitute("{{= let t = tasks.a; t.outputs.result }}", scope)).detail).toBe(
      "failed to evaluate expression: t is missing",
    );
    expect(substitute("{{= $env.workflow.name }}", scope, { allowUnresolved: true })).toBe("wf");
  });
  it("a key that is also a parent is dropped, as Argo's removeConflicts does", () =>
    expect(substitute("{{=item}}", scope)).toBe(`{"k":"v"}`));
  it("the first missing path is reported", () =>
    expect(error(() => substitute("{{= tasks.c.outputs.result }}", scope, { strict: ["tasks"] })).detail).toBe(
      "failed to evaluate expression: tasks.c is missing",
    ));
  it("a missing leaf under an existing node", () =>
    expect(error(() => substitute("{{= tasks.a.outputs.nope }}", scope, { strict: ["tasks"] })).detail).toBe(
      "failed to evaluate expression: tasks.a.outputs.nope is missing",
    ));
});

describe("shouldExecute (when: substituted strictly, then govaluate)", () => {
  it("the examples' forms", () => {
    expect(
      shouldExecute("{{tasks.flip-coin.outputs.result}} == heads", { "tasks.flip-coin.outputs.result": "heads" }),
    ).toBe(true);
    expect(
      shouldExecute("{{steps.flip-coin.outputs.result}} == tails", { "steps.flip-coin.outputs.result": "heads" }),
    ).toBe(false);
    expect(
      shouldExecute(`{{= inputs.parameters["should-print"] == 'true'}}`, { "inputs.parameters.should-print": "true" }),
    ).toBe(true);
    expect(
      shouldExecute("{{inputs.parameters.should-print}} == true", { "inputs.parameters.should-print": "false" }),
    ).toBe(false);
    expect(shouldExecute(undefined, {})).toBe(true);
  });
  it("a missing dependency output is a missing variable (Argo requeues)", () =>
    expect(error(() => shouldExecute("{{tasks.a.outputs.result}} == x", {})).missing).toBe(true));
  it("an unresolved non-strict tag reaches govaluate as text", () =>
    expect(() => shouldExecute("{{item}} == x", {})).toThrow("Invalid 'when' expression '{{item}} == x'"));
});

describe("a scope may hold artifacts beside parameters", () => {
  const art = { name: "result", path: "/tmp/a" };
  it("a simple tag naming a non-string value is unresolved, an expression sees it", () => {
    expect(
      substitute(
        "{{tasks.a.outputs.artifacts.result}}",
        { "tasks.a.outputs.artifacts.result": art },
        { allowUnresolved: true },
      ),
    ).toBe("{{tasks.a.outputs.artifacts.result}}");
    expect(error(() => substitute("{{x}}", { x: art })).detail).toBe("failed to resolve {{x}}");
    expect(substitute("{{= x.path }}", { x: art })).toBe("/tmp/a");
  });
});
