import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { writeFileAtomic } from "../io.js";
import { InputError } from "../load.js";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Registers `wfc import`: Argo YAML (Workflow, WorkflowTemplate, ClusterWorkflowTemplate,
 * CronWorkflow; multi-document streams) to wfc TypeScript. Nothing is written unless the whole
 * input imports; `-o` writes atomically.
 *
 * @example
 * ```ts
 * registerImport(program); // wfc import hello.yaml -o hello.ts
 * ```
 */
export function registerImport(program: Command): void {
  program
    .command("import")
    .description(
      "turn Argo YAML (Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow) into wfc TypeScript",
    )
    .argument("<file>", "a YAML or JSON file of Argo manifests, or - for standard input")
    .option("-o, --out <file.ts>", "write the TypeScript to this file instead of standard output")
    .addHelpText(
      "after",
      "\nExamples:\n  wfc import hello-world.yaml -o hello-world.ts\n  kubectl get wftmpl my-template -o yaml | wfc import - > my-template.ts",
    )
    .action(async (file: string, opts: { out?: string }) => {
      const fromStdin = file === "-";
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
      const { importManifests } = await import("@wfc/import");
      const code = importManifests(text, fromStdin ? "<stdin>" : file);
      if (!opts.out) {
        process.stdout.write(code);
        return;
      }
      await writeFileAtomic(resolve(opts.out), code);
      process.stderr.write(`wrote ${opts.out}\n`);
    });
}
