import { relative, resolve } from "node:path";
import type { Command } from "commander";
import { ConfigError } from "./config-error.js";
import { type ProjectConfig, projectConfig, shownPath } from "./project-config.js";

/** Commands that do not read the project configuration (they make or convert files). */
const IGNORES_CONFIG = new Set(["init", "import", "help"]);

/**
 * Sets the options the configuration supplies on the command about to run, unless the command
 * line gave them: `namespace` (`-n`) and `argoVersion` (`--argo-version`, on the commands that
 * have it). A value set here has the source `"config"` (`cmd.getOptionValueSource()`).
 *
 * @example
 * ```ts
 * program.hook("preAction", (_root, cmd) => applyConfigDefaults(cmd));
 * ```
 */
export async function applyConfigDefaults(cmd: Command, project?: ProjectConfig): Promise<void> {
  if (IGNORES_CONFIG.has(cmd.name())) return;
  const p = project ?? (await projectConfig());
  if (!p) return;
  const has = (key: string) => cmd.options.some((o) => o.attributeName() === key);
  const unset = (key: string) => {
    const source = cmd.getOptionValueSource(key);
    return source === undefined || source === "default";
  };
  const { namespace, argoVersion } = p.config;
  if (namespace !== undefined && has("namespace") && unset("namespace"))
    cmd.setOptionValueWithSource("namespace", namespace, "config");
  if (argoVersion !== undefined && has("argoVersion") && unset("argoVersion"))
    cmd.setOptionValueWithSource("argoVersion", argoVersion, "config");
}

/**
 * The inputs of a command given `inputs` on its command line: those, or, when there are none, the
 * files the configuration's `pipelines` globs match (relative to the current directory, sorted;
 * never test files, declaration files, `node_modules` or a `wfc.config.*`).
 * No inputs and no globs is a usage error of `cmd` (exit 2); globs matching nothing is a
 * {@link ConfigError}.
 *
 * @example
 * ```ts
 * const files = await inputsOrPipelines(inputs, cmd); // ["pipelines/a.ts", "pipelines/b.ts"]
 * ```
 */
export async function inputsOrPipelines(inputs: readonly string[], cmd: Command): Promise<string[]> {
  if (inputs.length) return [...inputs];
  const p = await projectConfig();
  const globs = p?.config.pipelines;
  if (!p || !globs)
    cmd.error(
      `error: wfc ${cmd.name()}: no FILE given and no \`pipelines\` in a wfc configuration (${p ? shownPath(p.file) : "none found from this directory up"}); give files or directories, or set pipelines: ["pipelines/**/*.ts"]`,
      { exitCode: 2, code: "wfc.noInputs" },
    );
  const { glob } = await import("tinyglobby");
  const found = await glob([...globs], {
    cwd: p.dir,
    absolute: true,
    onlyFiles: true,
    ignore: ["**/node_modules/**", "**/*.{test,spec}.*", "**/*.test-d.*", "**/*.d.ts", "**/wfc.config.*"],
  });
  if (!found.length)
    throw new ConfigError(
      `${shownPath(p.file)}: pipelines: ${globs.join(", ")} match no file (in ${shownPath(p.dir) || "."})`,
    );
  return found.sort().map((f) => relative(process.cwd(), f) || f);
}

/**
 * The output directory of `wfc build` without `-d`: the configuration's `outputDir` (relative to
 * the current directory) when the project's `pipelines` are built (no FILE given), else undefined
 * (the manifests go to stdout).
 *
 * @example
 * ```ts
 * const dir = opts.outputDir ?? (await configOutputDir(inputs)); // "manifests"
 * ```
 */
export async function configOutputDir(inputs: readonly string[]): Promise<string | undefined> {
  if (inputs.length) return undefined;
  const p = await projectConfig();
  const dir = p?.config.outputDir;
  return p && dir !== undefined ? relative(process.cwd(), resolve(p.dir, dir)) || "." : undefined;
}
