import { relative } from "node:path";
import { Command } from "commander";
import { CompileError, formatDiagnostic, validateManifest, WfcError } from "@wfc/sdk";
import { loadManifests } from "../load.js";
import { lintSemantics } from "../lint-semantics.js";

/** Thrown by `wfc lint` when it found problems (exit code 1). */
export class LintFailed extends WfcError {
  constructor(count: number) {
    super("E_LINT", `${count} problem${count === 1 ? "" : "s"} found`);
    this.name = "LintFailed";
  }
}

/** Registers `wfc lint`. */
export function registerLint(program: Command): void {
  program
    .command("lint")
    .description("check workflows (TypeScript or YAML) with the compiler's checks and Argo's full CRD schema")
    .argument("<files...>", "pipeline modules (.ts, .js) or manifests (.yaml, .yml, .json)")
    .addHelpText("after", "\nEach problem is printed as <file>: <Kind>/<name>: <path>: <message>.\nExit code 1 when any problem is found.")
    .action(async (files: string[]) => {
      let problems = 0;
      for (const file of files) {
        const rel = relative(process.cwd(), file) || file;
        let loaded;
        try {
          loaded = await loadManifests([file]);
        } catch (e) {
          if (e instanceof CompileError) {
            for (const d of e.diagnostics) process.stderr.write(`${rel}: ${formatDiagnostic(d)}\n`);
            problems += e.diagnostics.length;
            continue;
          }
          if (e instanceof WfcError || (e as Error).name === "YamlError") {
            process.stderr.write(`${(e as Error).message}\n`);
            problems++;
            continue;
          }
          throw e;
        }
        for (const { manifest } of loaded) {
          const meta = (manifest?.metadata ?? {}) as { name?: string; generateName?: string };
          const label = `${manifest?.kind ?? "?"}/${meta.name ?? meta.generateName ?? "?"}`;
          const issues = [...validateManifest(manifest), ...lintSemantics(manifest)];
          for (const i of issues) process.stderr.write(`${rel}: ${label}: ${i.path ? `${i.path}: ` : ""}${i.message}\n`);
          problems += issues.length;
        }
        if (!problems) process.stdout.write(`${rel}: ok (${loaded.length} manifest${loaded.length === 1 ? "" : "s"})\n`);
      }
      if (problems) throw new LintFailed(problems);
    });
}
