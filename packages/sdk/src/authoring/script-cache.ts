/**
 * A store for what `nodeScript` derives from a function's source: the free-variable check (a
 * parse with acorn and eslint-scope) and the script printed by esbuild (a synchronous esbuild
 * call each). Both depend only on the script's text and the versions of the SDK and esbuild, so
 * a cache keyed by a hash of those can skip them on the next build; the CLI installs one on disk
 * (in wfc's cache directory). Without a cache, every build does the work.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PACKAGE_ROOT } from "../core/package-root.js";

/**
 * Where `nodeScript` keeps the printed scripts of functions it checked, by key. Only scripts
 * without free variables are stored; `get` returning `undefined` means "not known".
 *
 * @example
 * ```ts
 * const memory = new Map<string, string>();
 * const cache: ScriptCache = { get: (k) => memory.get(k), set: (k, v) => void memory.set(k, v) };
 * ```
 */
export interface ScriptCache {
  /** The printed script stored under `key`, or `undefined`. */
  get(key: string): string | undefined;
  /** Stores `script` under `key`; must not throw (a cache that cannot store simply misses). */
  set(key: string, script: string): void;
}

let current: ScriptCache | undefined;

/**
 * Installs the cache `nodeScript` uses from now on in this process (`undefined` removes it).
 *
 * @example
 * ```ts
 * const memory = new Map<string, string>();
 * setScriptCache({ get: (k) => memory.get(k), set: (k, v) => void memory.set(k, v) });
 * setScriptCache(undefined); // back to checking and printing every script
 * ```
 */
export function setScriptCache(cache: ScriptCache | undefined): void {
  current = cache;
}

/** The installed cache, if any. */
export function scriptCache(): ScriptCache | undefined {
  return current;
}

let versions: string | undefined;

/** The versions the derived script depends on: this SDK's and esbuild's. */
function toolVersions(): string {
  if (versions !== undefined) return versions;
  const version = (path: string | URL): string => {
    try {
      return String((JSON.parse(readFileSync(path, "utf8")) as { version?: unknown }).version);
    } catch {
      return "unknown";
    }
  };
  let esbuild = "none";
  try {
    esbuild = version(createRequire(import.meta.url).resolve("esbuild/package.json"));
  } catch {
    // no esbuild: scripts are not re-printed, which the key then says
  }
  versions = `sdk ${version(new URL("package.json", PACKAGE_ROOT))} esbuild ${esbuild}`;
  return versions;
}

/**
 * The cache key of a script's text: a SHA-256 (hex) of the text and of the SDK's and esbuild's
 * versions, so that a new version of either never reads an old entry.
 *
 * @example
 * ```ts
 * scriptKey("const run = function f() { return 1; };"); // "3f9a…" (64 hex digits)
 * ```
 */
export function scriptKey(text: string): string {
  return createHash("sha256").update(`wfc-node-script-1\0${toolVersions()}\0`).update(text).digest("hex");
}
