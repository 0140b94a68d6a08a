import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ConfigError } from "./config-error.js";

/**
 * The configuration file names, in the order they are looked for in one directory. Two of them in
 * one directory is an error; `package.json` counts only when it has a `wfc` key.
 *
 * @example
 * ```ts
 * CONFIG_FILES[0] // "wfc.config.ts"
 * ```
 */
export const CONFIG_FILES = ["wfc.config.ts", "wfc.config.mts", "wfc.config.mjs", "wfc.config.js", "wfc.config.json"];

/**
 * Where a project's configuration was found.
 *
 * @example
 * ```ts
 * const found = findConfig(process.cwd()); // { file: "/repo/wfc.config.ts", inPackageJson: false }
 * ```
 */
export interface FoundConfig {
  /** The absolute path of the file. */
  readonly file: string;
  /** Whether the configuration is the `wfc` key of this `package.json`. */
  readonly inPackageJson: boolean;
}

/** Whether `file` (a package.json) has a `wfc` key; a package.json that is not JSON is an error. */
function hasWfcKey(file: string): boolean {
  let pkg: unknown;
  try {
    pkg = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new ConfigError(`${file}: not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  return typeof pkg === "object" && pkg !== null && Object.hasOwn(pkg, "wfc");
}

/**
 * Finds the project configuration that applies in `cwd`: the nearest directory, from `cwd` up,
 * holding a `wfc.config.*` file or a `package.json` with a `wfc` key. The search stops after the
 * directory holding `.git` (the repository's root) or at the filesystem's root.
 *
 * @example
 * ```ts
 * findConfig("/repo/pipelines/team-a") // { file: "/repo/wfc.config.ts", inPackageJson: false }
 * ```
 */
export function findConfig(cwd: string): FoundConfig | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const here = CONFIG_FILES.map((f) => join(dir, f)).filter((f) => existsSync(f));
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && hasWfcKey(pkg)) here.push(pkg);
    if (here.length > 1)
      throw new ConfigError(
        `${dir}: more than one wfc configuration (${here.map((f) => f.slice(dir.length + 1)).join(", ")}); keep one`,
      );
    const [file] = here;
    if (file) return { file, inPackageJson: file === pkg };
    if (existsSync(join(dir, ".git")) || dirname(dir) === dir) return undefined;
  }
}
