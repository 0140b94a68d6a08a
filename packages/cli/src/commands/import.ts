import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import { writeFileAtomic, writeFileSet } from "../io.js";
import { InputError } from "../load.js";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Registers `wfc import`: Argo YAML (Workflow, WorkflowTemplate, ClusterWorkflowTemplate,
 * CronWorkflow, EventSource, Sensor, EventBus; multi-document streams, `List`s) to wfc TypeScript.
 * For one file nothing is written unless the whole input imports; `-o` writes atomically. A
 * directory imports file by file, with a summary, exit code 1 if any file was refused.
 *
 * @example
 * ```ts
 * registerImport(program); // wfc import hello.yaml -o hello.ts; wfc import manifests/ -o src/
 * ```
 */
export function registerImport(program: Command): void {
  program
    .command("import")
    .description(
      "turn Argo YAML (Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow; EventSource, Sensor, EventBus) into wfc TypeScript",
    )
    .argument("<file>", "a YAML or JSON file of manifests, - for standard input, or a directory (with -o DIR)")
    .option(
      "-o, --out <path>",
      "write the TypeScript to this file (a directory for a directory) instead of standard output",
    )
    .option("--keep-server-fields", "keep the fields the API server sets (uid, resourceVersion, managedFields, ...)")
    .addHelpText(
      "after",
      "\nExamples:\n  wfc import hello-world.yaml -o hello-world.ts\n  kubectl get wftmpl my-template -o yaml | wfc import - > my-template.ts\n  wfc import manifests/ -o src/workflows/",
    )
    .action(async (file: string, opts: { out?: string; keepServerFields?: boolean }) => {
      const fromStdin = file === "-";
      const options = { keepServerFields: opts.keepServerFields === true };
      if (!fromStdin && (await isDirectory(resolve(file)))) {
        if (!opts.out) throw new InputError(`${file} is a directory: give the output directory with -o`);
        await importDir(file, opts.out, options);
        return;
      }
      let text: string;
      try {
        text = fromStdin ? await readStdin() : await readFile(resolve(file), "utf8");
      } catch (e) {
        throw new InputError(
          `cannot read ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`,
          { cause: e },
        );
      }
      // Loaded here, not at start-up: only `wfc import` pays for the importer.
      const { importModule } = await import("@wfc/import");
      const { code, notes } = importModule(text, fromStdin ? "<stdin>" : file, options);
      for (const n of notes) process.stderr.write(`note: ${n}\n`);
      if (!opts.out) {
        process.stdout.write(code);
        return;
      }
      await writeFileAtomic(resolve(opts.out), code, opts.out);
      process.stderr.write(`wrote ${opts.out}\n`);
    });
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Every .yaml/.yml/.json file under `dir`, relative and `/`-separated, sorted. */
async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(ya?ml|json)$/i.test(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .filter((p) => !p.split("/").some((s) => s === "node_modules" || s.startsWith(".")))
    .sort();
}

/** `wfc import DIR -o OUTDIR`: one module per file, a summary, exit 1 if any file was refused. */
async function importDir(dir: string, out: string, options: { keepServerFields: boolean }): Promise<void> {
  const root = resolve(dir);
  const paths = await yamlFiles(root);
  if (!paths.length) throw new InputError(`${dir}: no .yaml, .yml or .json files`);
  const files = await Promise.all(paths.map(async (p) => ({ path: p, text: await readFile(join(root, p), "utf8") })));
  const { importDirectory } = await import("@wfc/import");
  const { modules, refused } = importDirectory(files, options);
  for (const m of modules) for (const n of m.notes) process.stderr.write(`note: ${n}\n`);
  // All or nothing: the modules are staged beside the output directory, then moved in.
  await writeFileSet(resolve(out), new Map(modules.map((m) => [m.path, m.code])), { what: "modules", given: out });
  process.stderr.write(`imported ${modules.length} of ${files.length} files into ${out}\n`);
  if (refused.length)
    throw new InputError(
      `refused ${refused.length} of ${files.length} files:\n${refused
        .map((r) => `  ${r.path}: [${r.code}] ${r.reason.split("\n").join("\n    ")}`)
        .join("\n")}`,
    );
}
