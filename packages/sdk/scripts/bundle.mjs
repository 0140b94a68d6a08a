#!/usr/bin/env node
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
// Bundles @wfc/sdk's compiled modules (dist/, from tsc) into one module per package entry
// (dist/bundle.js for ".", dist/bundle-<entry>.js for the subpaths) with esbuild's code
// splitting: code two entries share lives once, in dist/chunks/, so each class (WfcError,
// YamlError, ...) exists once however many entries a program loads. Loading a few modules instead
// of ~60 saves tens of milliseconds on every `wfc` run. Dependencies stay external, except zod:
// its ~95 modules took 40-60 ms to load on every run, bundled they load in about half that. A
// user's own `import { z } from "zod"` still works with the SDK: zod 4 keeps its registry and
// config on globalThis and answers `instanceof` by traits, and the SDK recognises zod 4 schemas
// of another copy (decl.ts). Types stay per module (tsc) and still come from the `zod` package.
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const result = await build({
  entryPoints: {
    bundle: join(dist, "index.js"),
    "bundle-internal": join(dist, "internal.js"),
    "bundle-testing": join(dist, "testing.js"),
    "bundle-argo": join(dist, "argo", "index.js"),
    "bundle-yaml": join(dist, "yaml", "index.js"),
    "bundle-validate": join(dist, "validate", "index.js"),
    "bundle-decorators": join(dist, "authoring", "decorators", "index.js"),
  },
  outdir: dist,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  legalComments: "none",
  external: Object.keys(pkg.dependencies ?? {}).filter((d) => d !== "zod"),
  logLevel: "warning",
  metafile: true,
  absWorkingDir: root,
});
// Chunk names carry a content hash: remove the chunks of earlier builds (after writing the new
// ones, so that a process loading the SDK meanwhile finds every file it needs).
const written = new Set(Object.keys(result.metafile.outputs).map((f) => join(root, f)));
for (const f of readdirSync(join(dist, "chunks"))) {
  const path = join(dist, "chunks", f);
  if (!written.has(path)) rmSync(path, { force: true });
}

// The `yaml` package (loaded on first use by yaml/parse.ts) as one CommonJS file: its ~60 modules
// took 25-30 ms to require, one file about 7 ms (every command that reads YAML: a kubeconfig, a
// manifest). The same installed version, unchanged; parse.ts falls back to the package itself
// when run from sources.
await build({
  entryPoints: [createRequire(join(root, "package.json")).resolve("yaml")],
  outfile: join(dist, "vendor", "yaml.cjs"),
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
  absWorkingDir: root,
});
