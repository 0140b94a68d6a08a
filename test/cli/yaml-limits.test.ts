import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanup, STACK_LINE, tmpDir, wfcBounded } from "./bounded.js";

let dir = "";
const file = (name: string) => join(dir, name);
const HEAD = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: x\n";

beforeAll(() => {
  dir = tmpDir("yaml-limits");
  // "billion laughs": 573 bytes that expand to 9^10 strings
  const bomb = [`${HEAD}a0: &a0 [${Array(9).fill('"lol"').join(",")}]`];
  for (let i = 1; i < 10; i++)
    bomb.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(",")}]`,
    );
  bomb.push("spec:\n  entrypoint: *a9\n");
  writeFileSync(file("bomb.yaml"), bomb.join("\n"));
  writeFileSync(file("self.yaml"), `${HEAD}spec: &s\n  x: [*s]\n`);
  writeFileSync(file("deep.yaml"), `${HEAD}spec: ${"[".repeat(2000)}${"]".repeat(2000)}\n`);
  writeFileSync(
    file("deep-block.yaml"),
    `${HEAD}spec:\n${Array.from({ length: 600 }, (_, i) => `${" ".repeat(i + 2)}k:\n`).join("")}`,
  );
  const line = `  - name: t\n    container: {image: alpine, args: ["${"x".repeat(1000)}"]}\n`;
  writeFileSync(file("big.yaml"), `${HEAD}spec:\n  templates:\n${line.repeat(18_000)}`); // ~18 MB
  // Aliases that do not explode (a shared env list) are fine.
  writeFileSync(
    file("aliases-ok.yaml"),
    `${HEAD}spec:\n  entrypoint: a\n  templates:\n  - name: a\n    container: {image: alpine, env: &env [{name: A, value: "1"}]}\n  - name: b\n    container: {image: alpine, env: *env}\n`,
  );
});
afterAll(cleanup);

// Every command that reads YAML; `submit`/`apply` are given an unreachable server: the file is read first.
const COMMANDS: Record<string, string[]> = {
  lint: ["lint"],
  build: ["build"],
  import: ["import"],
  run: ["run"],
  submit: ["submit", "--argo-server", "http://127.0.0.1:9"],
  "submit --dry-run=client": ["submit", "--dry-run=client"],
  apply: ["apply", "--argo-server", "http://127.0.0.1:9"],
};

const CASES = [
  { name: "bomb.yaml", says: "document contains excessive aliasing", code: "E_YAML_ALIASING", at: ":8:" },
  { name: "self.yaml", says: "anchor's value contains itself", code: "E_YAML_ALIASING", at: ":6:" },
  { name: "deep.yaml", says: "nesting deeper than 500 levels", code: "E_YAML_TOO_DEEP", at: ":5:" },
  { name: "deep-block.yaml", says: "nesting deeper than 500 levels", code: "E_YAML_TOO_DEEP", at: ":" },
  { name: "big.yaml", says: "over the limit of 16.0 MiB for YAML input", code: "E_YAML_TOO_LARGE", at: ":1:1:" },
];

describe("YAML limits: every command that reads YAML refuses bombs, deep nesting and huge files", () => {
  for (const [label, args] of Object.entries(COMMANDS)) {
    for (const c of CASES) {
      it(`wfc ${label} ${c.name}: exit 1 with one clear line, quickly`, () => {
        const r = wfcBounded([...args, file(c.name)], { timeoutMs: 30_000, env: { KUBECONFIG: "/nonexistent" } });
        expect(r.signal).toBeNull();
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(`${c.name}${c.at}`);
        expect(r.stderr).toContain(c.says);
        expect(r.stderr).toContain(`[${c.code}]`);
        expect(r.stderr).not.toMatch(STACK_LINE);
        expect(r.stdout).not.toContain("lol");
      });
    }
  }

  it("aliases that do not explode are read as before", () => {
    const r = wfcBounded(["lint", file("aliases-ok.yaml")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});
