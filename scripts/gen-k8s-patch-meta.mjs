#!/usr/bin/env node
// Generates packages/runner/src/resources/k8s-patch-meta.gen.ts: the strategic-merge-patch
// metadata of every built-in Kubernetes kind (the Go struct tags `patchStrategy` and
// `patchMergeKey` that apimachinery's strategicpatch reads), from checkouts of k8s.io/api and
// k8s.io/apimachinery at the version Argo links (v0.35.4 for Argo v4.1):
//
//   node scripts/gen-k8s-patch-meta.mjs <k8s.io/api dir> <k8s.io/apimachinery dir>
//
// Only what changes a merge is kept: fields with a patch strategy, and struct fields that lead
// to one. A field left out merges as strategicpatch merges a field without metadata (maps key by
// key, lists replaced), so the table is exact for the kinds it names.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [apiDir, machineryDir] = process.argv.slice(2);
if (!apiDir || !machineryDir) {
  console.error("usage: gen-k8s-patch-meta.mjs <k8s.io/api dir> <k8s.io/apimachinery dir>");
  process.exit(2);
}

/** package key ("core/v1", "meta/v1") -> { types: name -> fields[] } */
const packages = new Map();
/** kind registrations: apiVersion/Kind -> type id */
const kinds = new Map();

function parsePackage(dir, key, importPath) {
  const files = readdirSync(dir).filter((f) => f.endsWith(".go") && !f.endsWith("_test.go") && !f.startsWith("zz_"));
  const types = new Map();
  let group;
  for (const f of files) {
    const src = readFileSync(join(dir, f), "utf8");
    const g = /const GroupName = "([^"]*)"/.exec(src);
    if (g) group = g[1];
    // import aliases of this file: alias -> package key
    const imports = new Map();
    for (const m of src.matchAll(/^\s*(\w+)?\s*"(k8s\.io\/[^"]+)"/gm)) {
      const path = m[2];
      const pkgKey = keyOfImport(path);
      if (!pkgKey) continue;
      const alias = m[1] ?? path.split("/").at(-1);
      imports.set(alias, pkgKey);
    }
    for (const m of src.matchAll(/^type (\w+) struct \{\n([\s\S]*?)^\}/gm)) {
      const fields = [];
      for (const line of m[2].split("\n")) {
        const l = line.replace(/\/\/.*$/, "").trim();
        if (!l) continue;
        let fm = /^(\w+)\s+([^\s`]+)\s+`([^`]*)`/.exec(l);
        let name;
        let typeExpr;
        let tags;
        if (fm) [, name, typeExpr, tags] = fm;
        else {
          fm = /^(\*?[\w.]+)\s+`([^`]*)`/.exec(l);
          if (!fm) continue;
          [, typeExpr, tags] = fm;
        }
        const json = /json:"([^"]*)"/.exec(tags)?.[1] ?? "";
        const [jsonName, ...opts] = json.split(",");
        if (jsonName === "-") continue;
        const inline = name === undefined && (jsonName === "" || opts.includes("inline"));
        fields.push({
          json: jsonName,
          inline,
          type: resolveType(typeExpr, imports, key),
          strategy: /patchStrategy:"([^"]*)"/.exec(tags)?.[1] ?? "",
          mergeKey: /patchMergeKey:"([^"]*)"/.exec(tags)?.[1] ?? "",
        });
      }
      types.set(m[1], fields);
    }
  }
  packages.set(key, types);
  if (group === undefined) return;
  const version = key.split("/").at(-1);
  for (const [name, fields] of types) {
    const hasTypeMeta = fields.some((f) => f.inline && f.type.id === "meta/v1.TypeMeta");
    const hasObjectMeta = fields.some((f) => f.json === "metadata" && f.type.id === "meta/v1.ObjectMeta");
    if (hasTypeMeta && hasObjectMeta) kinds.set(`${group ? `${group}/` : ""}${version}/${name}`, `${key}.${name}`);
  }
  void importPath;
}

function keyOfImport(path) {
  let m = /^k8s\.io\/api\/(.+)$/.exec(path);
  if (m) return m[1];
  m = /^k8s\.io\/apimachinery\/pkg\/apis\/(meta\/v1)$/.exec(path);
  if (m) return m[1];
  return undefined;
}

/** A Go type expression: { id (a struct's id, or ""), list, map }. */
function resolveType(expr, imports, pkgKey) {
  let e = expr.replace(/^\*/, "");
  let list = false;
  let map = false;
  if (e.startsWith("[]")) {
    list = true;
    e = e.slice(2).replace(/^\*/, "");
  } else if (e.startsWith("map[")) {
    map = true;
    e = e.slice(e.indexOf("]") + 1).replace(/^\*/, "");
  }
  let id = "";
  const dot = e.indexOf(".");
  if (dot > 0) {
    const pkg = imports.get(e.slice(0, dot));
    if (pkg) id = `${pkg}.${e.slice(dot + 1)}`;
  } else if (/^[A-Z]/.test(e)) id = `${pkgKey}.${e}`;
  return { id, list, map };
}

function walkApi(dir, rel = "") {
  for (const entry of readdirSync(join(dir, rel))) {
    const p = join(rel, entry);
    if (!statSync(join(dir, p)).isDirectory()) continue;
    if (/^v\d+((alpha|beta)\d+)?$/.test(entry) && readdirSync(join(dir, p)).includes("types.go"))
      parsePackage(join(dir, p), p, `k8s.io/api/${p}`);
    else if (!["testdata", "openapi"].includes(entry)) walkApi(dir, p);
  }
}

parsePackage(join(machineryDir, "pkg/apis/meta/v1"), "meta/v1", "k8s.io/apimachinery/pkg/apis/meta/v1");
walkApi(apiDir);

const structOf = (id) => {
  const dot = id.lastIndexOf(".");
  return packages.get(id.slice(0, dot))?.get(id.slice(dot + 1));
};

/** The fields of a struct with inline embeddings flattened (as encoding/json and strategicpatch see them). */
function flatFields(id, seen = new Set()) {
  const fields = structOf(id);
  if (!fields || seen.has(id)) return [];
  seen.add(id);
  const out = [];
  for (const f of fields) {
    if (f.inline) out.push(...flatFields(f.type.id, seen));
    else out.push(f);
  }
  return out;
}

// keep a struct when a field of it, or of a struct below it, has a patch strategy
const relevant = new Map();
function isRelevant(id, stack = new Set()) {
  if (relevant.has(id)) return relevant.get(id);
  if (!structOf(id) || stack.has(id)) return false;
  stack.add(id);
  const r = flatFields(id).some((f) => f.strategy !== "" || (f.type.id !== "" && isRelevant(f.type.id, stack)));
  stack.delete(id);
  relevant.set(id, r);
  return r;
}

const out = new Map();
function emit(id) {
  if (out.has(id)) return;
  const fields = {};
  out.set(id, fields);
  for (const f of flatFields(id)) {
    const sub = f.type.id !== "" && isRelevant(f.type.id) ? f.type.id : "";
    if (!sub && !f.strategy) continue;
    // strategicpatch looks a map's values up as the map's element type: not modelled (none in v0.35)
    if (sub && f.type.map) throw new Error(`${id}.${f.json}: a map of ${sub}, which this table cannot say`);
    fields[f.json] = [sub, f.strategy, f.mergeKey];
    if (sub) emit(sub);
  }
}
const kindEntries = [...kinds].sort(([a], [b]) => (a < b ? -1 : 1));
for (const [, id] of kindEntries) emit(id);

const lines = [
  "// Generated by scripts/gen-k8s-patch-meta.mjs from k8s.io/api and k8s.io/apimachinery v0.35.4 (the",
  "// versions Argo v4.1 links). Do not edit.",
  "",
  "/** A field's metadata: the struct its value (or each list item, or map value) is, `patchStrategy`, `patchMergeKey`. */",
  "export type PatchField = readonly [type: string, strategy: string, mergeKey: string];",
  "",
  "/** Built-in kinds (`apiVersion/Kind`) and their Go types. */",
  "export const KINDS: Readonly<Record<string, string>> = {",
  ...kindEntries.map(([k, id]) => `  ${JSON.stringify(k)}: ${JSON.stringify(id)},`),
  "};",
  "",
  "/** Each Go struct's fields that a strategic merge patch treats specially (by JSON name). */",
  "export const TYPES: Readonly<Record<string, Readonly<Record<string, PatchField>>>> = {",
  ...[...out]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(
      ([id, fields]) =>
        `  ${JSON.stringify(id)}: {${Object.entries(fields)
          .map(([k, v]) => ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
          .join(",")} },`,
    ),
  "};",
  "",
];
const dest = new URL("../packages/runner/src/resources/k8s-patch-meta.gen.ts", import.meta.url);
writeFileSync(dest, lines.join("\n"));
console.log(`wrote ${dest.pathname}: ${kindEntries.length} kinds, ${out.size} types`);
