#!/usr/bin/env node
// Run by `npm pack` (each package's `prepack`): removes from dist/ the compiled files whose source
// in src/ no longer exists (a module deleted or renamed since an earlier build: `tsc -b` never
// deletes outputs), so a tarball packed from a working tree holds only what the sources build, and
// every source map points at a source the tarball ships. The SDK's bundles (dist/bundle*.js,
// dist/chunks/, made by its scripts/bundle.mjs) have no source of their own and are kept.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";

const root = process.cwd();
const dist = join(root, "dist");
const COMPILED = /\.(js|d\.ts|js\.map|d\.ts\.map)$/;
const BUNDLED = /^(bundle(-[a-z]+)?\.js(\.map)?|chunks\/.*)$/;
const removed = [];
for (const e of existsSync(dist) ? readdirSync(dist, { recursive: true, withFileTypes: true }) : []) {
  if (!e.isFile()) continue;
  const rel = relative(dist, join(e.parentPath, e.name)).split("\\").join("/");
  if (!COMPILED.test(rel) || BUNDLED.test(rel)) continue;
  const source = join(root, "src", rel.replace(COMPILED, ".ts"));
  if (existsSync(source)) continue;
  rmSync(join(dist, rel));
  removed.push(rel);
}
if (removed.length)
  process.stderr.write(`prune-dist: removed ${removed.length} stale file(s) from dist/: ${removed.join(", ")}\n`);
