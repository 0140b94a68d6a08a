import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

// No `any` in public types: every declaration file a package entry reaches (the `types` of each
// `exports` entry of packages/*/package.json, built by `npm test` before vitest starts) is read by
// the TypeScript compiler, and every `any` keyword in it is reported with its file, line and the
// declaration it is in. Declaration files hold inferred types too, so an `any` TypeScript inferred
// shows up as well as one written by hand.
const PACKAGES = ["sdk", "client", "events", "import", "runner", "cli"];

function entryDeclarations(): string[] {
  const out: string[] = [];
  for (const p of PACKAGES) {
    const dir = join(ROOT, "packages", p);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      types?: string;
      exports?: Record<string, unknown>;
    };
    if (pkg.types) out.push(join(dir, pkg.types));
    for (const v of Object.values(pkg.exports ?? {})) {
      const types = typeof v === "object" && v !== null ? (v as { types?: unknown }).types : undefined;
      if (typeof types === "string") out.push(join(dir, types));
    }
  }
  return [...new Set(out)];
}

/** The name of the innermost named declaration around `node`, for the report. */
function declarationName(node: ts.Node): string {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    const name = (n as { name?: ts.Node }).name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name))) {
      const outer = n.parent ? declarationName(n.parent) : "";
      return outer && outer !== "(top level)" ? `${outer}.${name.text}` : name.text;
    }
  }
  return "(top level)";
}

/** Every `any` keyword in a source file, as `file:line (declaration): text`. */
function anysIn(sf: ts.SourceFile, label = sf.fileName): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) {
      const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      found.push(`${label}:${line + 1} (${declarationName(node)}): ${node.parent.getText(sf)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe("public types", () => {
  const entries = entryDeclarations();
  const program = ts.createProgram(entries, {
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
  });
  const ours = program
    .getSourceFiles()
    .filter((sf) => sf.fileName.startsWith(join(ROOT, "packages")) && !sf.fileName.includes("/node_modules/"));

  it("the scan reaches the declarations of every package entry", () => {
    expect(entries.length).toBeGreaterThanOrEqual(PACKAGES.length);
    for (const e of entries) expect(program.getSourceFile(e), e).toBeDefined();
    for (const p of PACKAGES)
      expect(
        ours.some((sf) => sf.fileName.startsWith(join(ROOT, "packages", p, "dist"))),
        p,
      ).toBe(true);
  });

  it("the scan finds an any wherever it is (parameter, generic argument, member)", () => {
    const sf = ts.createSourceFile(
      "fixture.d.ts",
      "export interface A { f(x: any): void; readonly t: Map<string, any> }\nexport declare function g(): string;\n",
      ts.ScriptTarget.ES2022,
      true,
    );
    expect(anysIn(sf)).toEqual(["fixture.d.ts:1 (A.f.x): x: any", "fixture.d.ts:1 (A.t): Map<string, any>"]);
  });

  it("have no any", () => {
    const found = ours.flatMap((sf) => anysIn(sf, relative(ROOT, sf.fileName)));
    expect(found).toEqual([]);
  });
});
