import { existsSync, readFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { GITHUB_WORKFLOW, GITLAB_CI } from "../init/ci-template.js";
import { HELLO_PIPELINE, HELLO_TEST } from "../init/pipeline-template.js";
import { GITIGNORE, packageJson, readme, TSCONFIG, WFC_CONFIG } from "../init/project-template.js";
import { writeFileAtomic } from "../io.js";
import { InputError } from "../load.js";

/** The version of this CLI (the `@wfc/*` packages share it). */
function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** An npm package name from a directory name: lower case, `[a-z0-9-._]`, never empty. */
function projectName(dir: string): string {
  const name = basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-._]+|[-._]+$/g, "");
  return name || "pipelines";
}

/** The files of a new project, by path relative to its directory, in the order they are written. */
function projectFiles(dir: string): ReadonlyArray<readonly [string, string]> {
  const name = projectName(dir);
  return [
    ["package.json", packageJson(name, { wfc: cliVersion(), typescript: "~5.9.3", vitest: "^4.1.12" })],
    ["tsconfig.json", TSCONFIG],
    ["wfc.config.ts", WFC_CONFIG],
    [".gitignore", GITIGNORE],
    ["README.md", readme(name)],
    ["pipelines/hello.ts", HELLO_PIPELINE],
    ["pipelines/hello.test.ts", HELLO_TEST],
    [".github/workflows/wfc.yml", GITHUB_WORKFLOW],
    [".gitlab-ci.yml", GITLAB_CI],
  ];
}

/**
 * Registers `wfc init [dir]`: scaffolds a pipeline project (package.json with `wfc` as a
 * devDependency, tsconfig.json, wfc.config.ts, pipelines/hello.ts and its test, .gitignore,
 * README.md, CI for GitHub Actions and GitLab CI). It never overwrites: when any of those files
 * exists, it names them, writes nothing and exits 1.
 *
 * @example
 * ```ts
 * registerInit(program); // wfc init my-pipelines
 * ```
 */
export function registerInit(program: Command): void {
  program
    .command("init")
    .description(
      "scaffold a pipeline project: package.json, tsconfig.json, wfc.config.ts, pipelines/hello.ts and its test, CI for GitHub and GitLab",
    )
    .argument("[dir]", "the project directory (created when missing)", ".")
    .action(async (dirArg: string) => {
      const dir = resolve(dirArg);
      const files = projectFiles(dir);
      const existing = files.map(([f]) => f).filter((f) => existsSync(join(dir, f)));
      if (existing.length > 0)
        throw new InputError(
          `${dirArg}: refusing to overwrite ${existing.join(", ")}; nothing was written`,
          undefined,
          "E_INIT_EXISTS",
        );
      for (const [f, content] of files) await writeFileAtomic(join(dir, f), content);
      const shown = relative(process.cwd(), dir) || ".";
      const lines = [`wrote ${files.length} files in ${shown}:`, ...files.map(([f]) => `  ${f}`), "", "next steps:"];
      if (shown !== ".") lines.push(`  cd ${shown}`);
      lines.push("  npm install", "  npm test", "  npm run build", "  npx wfc run pipelines/hello.ts", "");
      process.stdout.write(lines.join("\n"));
    });
}
