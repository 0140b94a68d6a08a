#!/usr/bin/env node
// Bundles @wfc/sdk's compiled modules (dist/, from tsc) into one file, dist/bundle.js, which the
// package exports (and dist/decorators.js for `@wfc/sdk/decorators`, sharing one chunk with it, so
// that both entries see one copy of the SDK's state, such as the body being recorded). Loading one module instead of ~60 saves tens of milliseconds on every `wfc`
// run. Dependencies stay external (users share zod with the SDK); types stay per module (tsc).
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
await build({
  entryPoints: { bundle: join(root, "dist", "index.js"), decorators: join(root, "dist", "authoring", "decorators", "index.js") },
  outdir: join(root, "dist"),
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  legalComments: "none",
  external: Object.keys(pkg.dependencies ?? {}),
  logLevel: "warning",
});
