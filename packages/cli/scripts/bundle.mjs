#!/usr/bin/env node
// Bundles the cluster read commands (get, list, logs, delete) so that `bin/wfc.js` starts them
// without Node's ES module loader and without compiling them again on each run:
// - dist/bundle-cluster.cjs: dist/cluster-main.js with commander, @wfc/client and the few SDK
//   functions they use (WfcError, the YAML and JSON writers) inlined, as one CommonJS script,
//   run through V8's code cache by
// - dist/bundle-cluster-start.cjs: dist/cluster-start.js (the code cache, the cache directory).
// The cluster bundle sits in dist/ beside main.js: a module left out of it is imported by the same
// relative path as from main.js. Left out, imported only when needed: main.js (any other command),
// check.js, render/ (`get --report`), config/schema.js (zod, only when a wfc.config exists), and
// every package that is imported with import() (esbuild, tinyglobby, the SDK's own modules) but
// yaml, for YAML kubeconfigs (src/cluster-yaml.ts, in place of the SDK's copy). Its
// import() calls go through __wfcImport and import.meta.url is __wfcBundleUrl, both given by
// cluster-start.ts. Any other import of an ES module package would be a require() that Node 20
// cannot do: the build fails instead.
import { builtinModules, createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const sdkDist = join(dirname(createRequire(join(root, "package.json")).resolve("@wfc/sdk/package.json")), "dist");
const LEFT_OUT = ["main.js", "check.js", "render/index.js", "config/schema.js"].map((f) => join(dist, f));
const clientBundle = createRequire(join(root, "package.json")).resolve("@wfc/client");
/** The SDK entries whose static imports are inlined, as the modules tsc wrote (tree-shaken). */
const SDK_MODULES = { "@wfc/sdk/internal": "internal.js", "@wfc/sdk/yaml": "yaml/index.js" };

const cluster = {
  name: "wfc:cluster-bundle",
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const file = join(args.resolveDir, args.path);
      if (!LEFT_OUT.includes(file)) return undefined;
      return { path: `./${relative(dist, file).split("\\").join("/")}`, external: true };
    });
    b.onResolve({ filter: /^@wfc\/sdk(\/.*)?$/ }, (args) => {
      // the client imports the SDK's yamlLibrary() to read a YAML kubeconfig: the bundle's own yaml
      if (args.kind === "dynamic-import" && args.path === "@wfc/sdk/internal" && args.importer === clientBundle)
        return { path: join(dist, "cluster-yaml.js") };
      if (args.kind === "dynamic-import") return { path: args.path, external: true };
      const file = SDK_MODULES[args.path];
      if (!file) return { errors: [{ text: `${args.path} would be required, not imported: import() it` }] };
      return { path: join(sdkDist, file) };
    });
  },
};

const common = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
  absWorkingDir: root,
  write: false,
};

const main = await build({
  ...common,
  entryPoints: [join(dist, "cluster-main.js")],
  outfile: join(dist, "bundle-cluster.cjs"),
  define: { "import.meta.url": "__wfcBundleUrl" },
  external: ["esbuild", "tinyglobby", "typescript", "tsx", "@wfc/runner", "@wfc/import", "@wfc/events"],
  plugins: [cluster],
});
const start = await build({
  ...common,
  entryPoints: [join(dist, "cluster-start.js")],
  outfile: join(dist, "bundle-cluster-start.cjs"),
});
for (const r of [main, start]) if (r.warnings.length) throw new Error("bundle-cluster: esbuild warned (see above)");

const { writeFileSync } = await import("node:fs");
const code = main.outputFiles[0].text;
const required = [...code.matchAll(/\brequire\("([^"]+)"\)/g)]
  .map((m) => m[1])
  .filter((m) => !m.startsWith("node:") && !builtinModules.includes(m));
if (required.length) throw new Error(`bundle-cluster: would require() ${[...new Set(required)].join(", ")}`);
writeFileSync(join(dist, "bundle-cluster.cjs"), code.replace(/\bimport\(/g, "__wfcImport("));
writeFileSync(join(dist, "bundle-cluster-start.cjs"), start.outputFiles[0].text);
