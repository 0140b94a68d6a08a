/**
 * How `bin/wfc.js` starts the cluster read commands (`get`, `list`/`ls`, `logs`, `delete`):
 * `scripts/bundle.mjs` bundles this module into `dist/bundle-cluster-start.cjs` and
 * `cluster-main.ts` with everything it needs into `dist/bundle-cluster.cjs`, both CommonJS, so
 * that Node's ES module loader is not needed at all. The second one runs through V8's code cache
 * (`loader/code-cache.ts`), kept in wfc's cache directory (`WFC_CACHE_DIR`, else
 * `node_modules/.cache/wfc`, else the user's own temporary directory).
 */
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { cacheDirFor } from "./loader/cache-dir.js";
import { runWithCodeCache } from "./loader/code-cache.js";

/** What the cluster bundle exports (`cluster-main.ts`). */
export interface ClusterBundle {
  main(args: readonly string[]): Promise<number>;
  endEsbuildProcesses(): Promise<void>;
  /** Writes the code cache when this run had none (after the command's work). */
  saveCodeCache(): void;
}

/**
 * Loads the cluster bundle that sits in `distDir` (`dist/bundle-cluster.cjs`). Its `import()`s
 * of modules left out of it are resolved from `distDir`, as from `dist/main.js`.
 *
 * @example
 * ```ts
 * const { main, saveCodeCache } = startCluster(join(cliDir, "dist"));
 * process.exitCode = await main(process.argv);
 * saveCodeCache();
 * ```
 */
export function startCluster(distDir: string): ClusterBundle {
  const file = join(distDir, "bundle-cluster.cjs");
  const url = pathToFileURL(file);
  const script = runWithCodeCache(
    file,
    {
      __wfcBundleUrl: url.href,
      __wfcImport: (specifier: string) => import(/^\.\.?\//.test(specifier) ? new URL(specifier, url).href : specifier),
    },
    cacheDirFor(dirname(distDir)),
  );
  const bundle = script.exports as Omit<ClusterBundle, "saveCodeCache">;
  return {
    main: bundle.main,
    endEsbuildProcesses: bundle.endEsbuildProcesses,
    saveCodeCache: () => void script.save(),
  };
}
