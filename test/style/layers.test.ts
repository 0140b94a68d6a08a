// The SDK's layers only point down, and no module imports itself back through others. This test
// reads the import statements of packages/sdk/src (type-only imports too) until a lint rule does
// the same in CI.
//
//   argo (generated types)  <-  core  <-  authoring
//                                     <-  validate  <-  yaml
//                                     <-  compiler (also uses validate, yaml)
//   entries (index, compile, internal, testing) use everything
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

const SRC = join(ROOT, "packages/sdk/src");
const ALLOWED: Record<string, readonly string[]> = {
  argo: [],
  core: ["argo"],
  authoring: ["core", "argo"],
  validate: ["core"],
  yaml: ["core", "validate"],
  compiler: ["core", "validate", "yaml"],
  entry: ["core", "argo", "authoring", "validate", "yaml", "compiler"],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.ts$/.test(e.name) && !/\.test(-d)?\.ts$/.test(e.name) ? [p] : [];
  });
}

const layerOf = (file: string): string => {
  const rel = relative(SRC, file);
  return rel.includes("/") ? rel.split("/")[0]! : "entry";
};

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/gms)].map((m) =>
    join(dirname(file), m[1]!.replace(/\.js$/, ".ts")),
  );
}

const all = files(SRC);

describe("@wfc/sdk layers", () => {
  it("every import points to the same layer or one below it", () => {
    const wrong: string[] = [];
    for (const f of all) {
      const from = layerOf(f);
      for (const target of importsOf(f)) {
        const to = layerOf(target);
        if (to !== from && !ALLOWED[from]!.includes(to))
          wrong.push(`${relative(SRC, f)} -> ${relative(SRC, target)} (${from} -> ${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has no import cycles", () => {
    const graph = new Map(all.map((f) => [f, importsOf(f)]));
    const state = new Map<string, 1 | 2>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 2) return;
      if (state.get(f) === 1) {
        cycles.push([...path.slice(path.indexOf(f)), f].map((x) => relative(SRC, x)).join(" -> "));
        return;
      }
      state.set(f, 1);
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 2);
    };
    for (const f of all) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
