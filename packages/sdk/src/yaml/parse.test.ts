import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseK8sYaml, resolvePlainScalar, YamlError } from "./index.js";

const EXAMPLES = new URL("../../../../vendor/argo/examples/", import.meta.url);
const example = (f: string) => parseK8sYaml(readFileSync(new URL(f, EXAMPLES), "utf8"), f);

describe("go-yaml v2 scalars", () => {
  test.each([
    ["yes", true],
    ["Yes", true],
    ["YES", true],
    ["on", true],
    ["ON", true],
    ["y", true],
    ["Y", true],
    ["true", true],
    ["True", true],
    ["no", false],
    ["off", false],
    ["n", false],
    ["N", false],
    ["false", false],
    ["FALSE", false],
    ["~", null],
    ["null", null],
    ["Null", null],
    ["", null],
    ["0755", 493],
    ["-0755", -493],
    ["0x1F", 31],
    ["0o17", 15],
    ["0b101", 5],
    ["1_000", 1000],
    ["+12", 12],
    ["08", 8],
    ["0", 0],
    ["1e3", 1000],
    ["1.5", 1.5],
    [".5", 0.5],
    ["5.", 5],
    ["-1.5e-3", -0.0015],
    [".inf", Infinity],
    ["-.Inf", -Infinity],
    ["12:30", "12:30"],
    ["2001-12-14", "2001-12-14"],
    ["2001-12-14T21:59:43.10-05:00", "2001-12-14T21:59:43.10-05:00"],
    ["1.2.3", "1.2.3"],
    ["0x", "0x"],
    ["0xZZ", "0xZZ"],
    ["yess", "yess"],
    ["=", "="],
    ["-", "-"],
    ["1e", "1e"],
    ["0b2", "0b2"],
    ["99999999999999999999", 1e20],
  ])("%j -> %j", (s, v) => {
    expect(resolvePlainScalar(s)).toEqual(v);
  });

  test("NaN", () => expect(resolvePlainScalar(".nan")).toBeNaN());

  test("in a document; quoted and block scalars stay strings", () => {
    const [d] = parseK8sYaml(
      'a: yes\nb: "yes"\nc: \'0755\'\nd: 0755\ne: |\n  on\nf: !!str 10\ng: !!int "10"\nh: !!float 1\n',
    );
    expect(d).toEqual({ a: true, b: "yes", c: "0755", d: 493, e: "on\n", f: "10", g: 10, h: 1 });
  });

  test("keys become strings as sigs.k8s.io/yaml makes them", () => {
    expect(parseK8sYaml("1: a\nyes: b\n0x10: c\nfoo: d\n")).toEqual([{ "1": "a", true: "b", "16": "c", foo: "d" }]);
    expect(() => parseK8sYaml("~: a\n")).toThrow(YamlError);
    // the classic go-yaml v2 trap: a key `y` (or `n`, `on`, ...) is a boolean, hence "true"
    expect(parseK8sYaml("x: 1\ny: 2\n")).toEqual([{ x: 1, true: 2 }]);
  });
});

describe("structure", () => {
  test("a repeated key: the last one wins", () => {
    expect(parseK8sYaml("a: 1\nb: 2\na: 3\n")).toEqual([{ a: 3, b: 2 }]);
  });

  test("anchors, aliases and merge keys", () => {
    const [d] = parseK8sYaml("base: &b {x: 1, z: 2}\nm:\n  <<: *b\n  z: 3\nl: [*b]\n");
    expect(d).toEqual({ base: { x: 1, z: 2 }, m: { x: 1, z: 3 }, l: [{ x: 1, z: 2 }] });
  });

  test("multi-document streams skip empty documents", () => {
    expect(parseK8sYaml("---\na: 1\n---\n# only a comment\n---\n---\nb: 2\n...\n")).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parseK8sYaml("")).toEqual([]);
  });

  test("errors carry file, line and column", () => {
    let err: unknown;
    try {
      parseK8sYaml("a: 1\nb: [1, 2\nc: 'x\n", "bad.yaml");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(YamlError);
    const y = err as YamlError;
    expect(y.file).toBe("bad.yaml");
    expect(y.line).toBeGreaterThanOrEqual(2);
    expect(y.col).toBeGreaterThanOrEqual(1);
    expect(y.message).toMatch(/^bad\.yaml:\d+:\d+: /);
  });

  test("an unterminated quote that is not a flow-closing line is still an error", () => {
    expect(() => parseK8sYaml('a: "x\nb: 1\n')).toThrow(YamlError);
  });
});

describe("upstream examples", () => {
  test("every example parses; the three multi-document files give several documents", () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".yaml"));
    const multi = files.filter((f) => example(f).length > 1);
    expect(multi.length).toBe(3);
  });

  // These close a multi-line `args: ["...` with `"]` at the key's column: go-yaml accepts it.
  test.each([
    "ci-output-artifact.yaml",
    "ci.yaml",
    "influxdb-ci.yaml",
    "k8s-orchestration.yaml",
    "nested-workflow.yaml",
    "secrets.yaml",
    "sidecar.yaml",
  ])("%s (mis-indented flow sequence) parses like go-yaml", (f) => {
    const [wf] = example(f) as { spec: { templates: { container?: { args?: unknown[] } }[] } }[];
    const args = wf!.spec.templates.flatMap((t) => t.container?.args ?? []);
    expect(args.length).toBeGreaterThan(0);
    for (const a of args) expect(typeof a).toBe("string");
  });

  test("folded value of a mis-indented double-quoted scalar", () => {
    const [wf] = example("ci.yaml") as { spec: { templates: { container?: { args?: unknown[] } }[] } }[];
    expect(wf!.spec.templates[1]!.container?.args).toEqual([
      " cd /go/src/github.com/golang/example/hello && git status && go build -v . ",
    ]);
  });

  test("a single-quoted one (secrets.yaml)", () => {
    const [wf] = example("secrets.yaml") as { spec: { templates: { container: { args: string[] } }[] } }[];
    expect(wf!.spec.templates[0]!.container.args[0]).toMatch(/^ echo "secret from env: \$MYSECRETPASSWORD"; echo .* $/);
  });
});
