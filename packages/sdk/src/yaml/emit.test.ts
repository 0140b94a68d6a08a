import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse as parseYaml12 } from "yaml";
import { emitJson, emitYaml, parseK8sYaml } from "./index.js";

const EXAMPLES = new URL("../../../../vendor/argo/examples/", import.meta.url);

/** Both readers must give back exactly what was emitted. */
function roundTrips(docs: unknown[]): void {
  const text = emitYaml(docs);
  expect(parseK8sYaml(text), text).toEqual(docs.filter((d) => d !== null));
  const docs12 = text.split(/^---\n/m).map((t) => parseYaml12(t));
  expect(docs12, text).toEqual(docs);
}

const TRAPS = [
  "yes",
  "no",
  "on",
  "off",
  "y",
  "n",
  "Y",
  "N",
  "YES",
  "On",
  "true",
  "False",
  "null",
  "Null",
  "~",
  "",
  " ",
  "=",
  "<<",
  "0755",
  "08",
  "1e3",
  "1E3",
  "0x1F",
  "0o17",
  "0b101",
  "1_000",
  "12:30",
  "1:2:3",
  "190:20:30.15",
  ".inf",
  "-.inf",
  ".nan",
  ".5",
  "5.",
  "+1",
  "-1",
  "1.2.3",
  "2001-12-14",
  "2001-12-14t21:59:43.10-05:00",
  "-",
  "--",
  "---",
  "--flag",
  "-x",
  "...",
  "?",
  "? x",
  ":",
  ":x",
  "a:",
  "a: b",
  "a:b",
  "a #b",
  "a#b",
  "#x",
  ",",
  "[",
  "]",
  "{",
  "}",
  "{}",
  "[]",
  "&a",
  "*a",
  "!tag",
  "|",
  ">",
  "'",
  '"',
  "%x",
  "@x",
  "`x",
  "it's",
  'say "hi"',
  "back\\slash",
  " lead",
  "trail ",
  "tab\there",
  "\ttab",
  "nul\u0000x",
  "bell\u0007",
  "del\u007f",
  "nel\u0085x",
  "ls\u2028x",
  "ps\u2029x",
  "bom\ufeffx",
  "nbsp\u00a0x",
  "é",
  "日本語",
  "emoji 😀",
  "a\u0301",
  "\ud83d",
  "cr\rx",
  "crlf\r\nx",
  "{{tasks.a.outputs.result}}",
  "{{=  sprig.int(inputs.parameters.x) + 1 }}",
  "{{inputs.parameters.x}} and more",
  "echo {{inputs.parameters.x}}",
  "x\n",
  "x",
  "x\n\n",
  "x\n\n\n",
  "\nx",
  "\n",
  "\n\n",
  "a\nb",
  "a\nb\n",
  "a\n\nb",
  " a\nb",
  "a \nb",
  "a\n b",
  "a\n\tb",
  "#!/bin/sh\nset -e\necho hi\n",
  "key: value\n- item\n",
  "---\nfoo\n",
  "a\n...\nb",
];

describe("emitYaml", () => {
  test.each(TRAPS.map((s) => [s]))("%j round-trips as value, list item and key", (s) => {
    roundTrips([{ v: s, list: [s, [s]], [s]: 1, nested: { [s]: { [s]: [s] } } }]);
  });

  test("random strings of trap characters round-trip", () => {
    const alphabet = [
      "a",
      "b",
      "1",
      "0",
      " ",
      "\n",
      ":",
      "#",
      "-",
      "'",
      '"',
      "{",
      "}",
      "[",
      "]",
      "\t",
      "\\",
      "|",
      ">",
      ".",
      "e",
      "x",
      "y",
      "é",
      "😀",
      "\u0085",
      "_",
      "=",
      "~",
      "&",
      "*",
      "!",
      "%",
      "@",
    ];
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const values: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let s = "";
      const len = Math.floor(rnd() * 8);
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      values.push(s);
    }
    roundTrips([{ values, keys: Object.fromEntries(values.map((v, i) => [v, i])) }]);
  });

  test("non-strings", () => {
    roundTrips([
      {
        a: 1,
        b: -2.5,
        c: 1e21,
        d: 0,
        e: true,
        f: false,
        g: null,
        h: [],
        i: {},
        j: [[], {}, null, [1, [2, [3]]]],
        k: Infinity,
        l: -Infinity,
      },
    ]);
    expect(parseK8sYaml(emitYaml([{ n: NaN }]))[0]).toEqual({ n: NaN });
  });

  test("exact layout", () => {
    const out = emitYaml([
      {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Workflow",
        metadata: { generateName: "hello-", labels: {} },
        spec: {
          entrypoint: "main",
          templates: [
            { name: "main", steps: [[{ name: "a", template: "t" }]], empty: [] },
            {
              name: "t",
              script: { image: "python:3", source: "print(1)\n", command: ["python"] },
              args: ["yes", "{{x}}", "a\nb"],
              keep: "x\n\n",
            },
          ],
          skipped: undefined,
        },
      },
      { kind: "ConfigMap" },
    ]);
    expect(out).toBe(
      [
        "apiVersion: argoproj.io/v1alpha1",
        "kind: Workflow",
        "metadata:",
        "  generateName: hello-",
        "  labels: {}",
        "spec:",
        "  entrypoint: main",
        "  templates:",
        "    - name: main",
        "      steps:",
        "        - - name: a",
        "            template: t",
        "      empty: []",
        "    - name: t",
        "      script:",
        "        image: python:3",
        "        source: |",
        "          print(1)",
        "        command:",
        "          - python",
        "      args:",
        "        - 'yes'",
        "        - '{{x}}'",
        "        - |-",
        "          a",
        "          b",
        "      keep: |+",
        "        x",
        "",
        "---",
        "kind: ConfigMap",
        "",
      ].join("\n"),
    );
  });

  test("documents: empty list, scalars", () => {
    expect(emitYaml([])).toBe("");
    roundTrips([{ a: 1 }, "text", 5, [1]]);
  });

  test("every upstream example round-trips", () => {
    for (const f of readdirSync(EXAMPLES).filter((f) => f.endsWith(".yaml"))) {
      const docs = parseK8sYaml(readFileSync(new URL(f, EXAMPLES), "utf8"), f);
      expect(parseK8sYaml(emitYaml(docs)), f).toEqual(docs);
    }
  });

  // Speed is measured by `npm run bench`, not asserted here; this checks a big document is exact.
  test("a 5000-template workflow round-trips", () => {
    const wf = bigWorkflow(5000);
    const text = emitYaml([wf]);
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(parseK8sYaml(text)).toEqual([wf]);
  });
});

describe("emitJson", () => {
  test("a stream of JSON objects", () => {
    expect(emitJson([{ a: 1 }, { b: [2] }])).toBe('{\n  "a": 1\n}\n{\n  "b": [\n    2\n  ]\n}\n');
  });
});

function bigWorkflow(n: number): unknown {
  const templates: unknown[] = [];
  const tasks: unknown[] = [];
  for (let i = 0; i < n; i++) {
    templates.push({
      name: `t${i}`,
      inputs: { parameters: [{ name: "x", value: "1" }] },
      container: {
        image: "alpine:3.23",
        command: ["sh", "-c"],
        args: [`echo ${i} {{inputs.parameters.x}}`],
        resources: { limits: { cpu: "100m", memory: "64Mi" } },
      },
      script: { image: "python:3", source: `import os\nprint(${i})\n` },
      retryStrategy: { limit: 2, retryPolicy: "OnFailure" },
    });
    tasks.push(i ? { name: `t${i}`, template: `t${i}`, depends: `t${i - 1}` } : { name: `t${i}`, template: `t${i}` });
  }
  templates.push({ name: "main", dag: { tasks } });
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Workflow",
    metadata: { generateName: "big-" },
    spec: { entrypoint: "main", templates },
  };
}
