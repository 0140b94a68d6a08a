#!/usr/bin/env node
// Bundles @wfc/client's compiled modules (dist/, from tsc) into one module, dist/bundle.js, the
// package's entry: a cluster command loads one file instead of ~30 (each ESM module costs a
// resolution, a read and a parse: 40-130 ms in all on this machine). Dependencies stay external
// (@wfc/sdk, yaml; yaml is imported lazily, for YAML kubeconfigs only); types stay per module (tsc).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
await build({
  entryPoints: { bundle: join(root, "dist", "index.js") },
  outdir: join(root, "dist"),
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  legalComments: "none",
  external: [...Object.keys(pkg.dependencies ?? {}), "@wfc/sdk/*"],
  logLevel: "warning",
  absWorkingDir: root,
});
