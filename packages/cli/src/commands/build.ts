import { join, resolve } from "node:path";
import { type Manifest, toJson, toYaml, toYamlBytes, WfcError } from "@wfc/sdk";
import { type Command, Option } from "commander";
import { writeFileAtomic } from "../io.js";
import { loadManifests } from "../load.js";

/**
 * The file name `wfc build -o DIR` writes a manifest to: `<kind-lowercase>-<name>.<ext>`.
 *
 * @example
 * ```ts
 * manifestFileName(manifest, "yaml") // "workflow-hello.yaml"
 * ```
 */
export function manifestFileName(m: Manifest, ext: string): string {
  const meta = m.metadata as { name?: string; generateName?: string };
  const name = meta.name ?? (meta.generateName ?? "unnamed").replace(/-$/, "");
  return `${m.kind.toLowerCase()}-${name}.${ext}`;
}

/** Registers `wfc build`. */
export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("compile workflows exported by TypeScript/JavaScript files to Argo manifests")
    .argument("<files...>", "pipeline modules (.ts, .js, .mjs); every exported workflow object is built")
    .option("-o, --out-dir <dir>", "write one file per manifest (<kind>-<name>.yaml) instead of printing a stream")
    .option("--typecheck", "type-check the modules with TypeScript first (nearest tsconfig.json, strict defaults)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["yaml", "json"]).default("yaml"))
    .addHelpText(
      "after",
      "\nExamples:\n  wfc build pipeline.ts > pipeline.yaml\n  wfc build pipelines/*.ts -o manifests/\n  wfc build pipeline.ts --format json",
    )
    .action(async (files: string[], opts: { outDir?: string; format: "yaml" | "json"; typecheck?: boolean }) => {
      if (opts.typecheck) {
        // Loaded only with --typecheck: plain builds never load TypeScript.
        const { typeCheck, formatTypeIssue, TypeCheckFailed } = await import("../typecheck.js");
        const issues = typeCheck(files);
        for (const i of issues) process.stderr.write(`${formatTypeIssue(i)}\n`);
        if (issues.length) throw new TypeCheckFailed(issues);
      }
      const loaded = await loadManifests(files);
      const manifests = loaded.map((l) => l.manifest);
      if (!opts.outDir) {
        process.stdout.write(opts.format === "json" ? toJson(manifests) : toYamlBytes(manifests));
        return;
      }
      const ext = opts.format === "json" ? "json" : "yaml";
      const byFile = new Map<string, Manifest>();
      for (const m of manifests) {
        const file = manifestFileName(m, ext);
        if (byFile.has(file))
          throw new WfcError(
            "E_DUPLICATE_OUTPUT",
            `two manifests would be written to ${file}: ${m.kind} names must be unique`,
          );
        byFile.set(file, m);
      }
      const dir = resolve(opts.outDir);
      for (const [file, m] of byFile) {
        await writeFileAtomic(join(dir, file), opts.format === "json" ? toJson([m]) : toYaml([m]));
      }
      process.stderr.write(`wrote ${byFile.size} manifest${byFile.size === 1 ? "" : "s"} to ${opts.outDir}\n`);
    });
}
