import { relative } from "node:path";
import { isEventsManifest, validateEventsManifest } from "@wfc/events";
import { CompileError, formatDiagnostic, manifestIssues, WfcError } from "@wfc/sdk";
import type { Command } from "commander";
import { addClusterOptions, type ClusterOptions, clientFrom } from "../cluster/options.js";
import { type LoadedManifest, loadManifests } from "../load.js";

/** Thrown by `wfc lint` when it found problems (exit code 1). */
export class LintFailed extends WfcError {
  constructor(count: number) {
    super("E_LINT", `${count} problem${count === 1 ? "" : "s"} found`);
    this.name = "LintFailed";
  }
}

/** Registers `wfc lint`. */
export function registerLint(program: Command): void {
  const cmd = program
    .command("lint")
    .description("check workflows (TypeScript or YAML) with the compiler's checks and Argo's full CRD schema")
    .argument("<files...>", "pipeline modules (.ts, .js) or manifests (.yaml, .yml, .json)")
    .option("--server", "also ask the cluster's API server to validate each manifest (server-side dry run)")
    .addHelpText(
      "after",
      "\nEach problem is printed as <file>: <Kind>/<name>: <path>: <message>.\nExit code 1 when any problem is found.\n\nExamples:\n  wfc lint pipeline.ts manifests/*.yaml\n  wfc lint --server -n ci pipeline.ts",
    );
  addClusterOptions(cmd);
  cmd.action(async (files: string[], opts: ClusterOptions & { server?: boolean }) => {
    let problems = 0;
    const checked: { rel: string; label: string; loaded: LoadedManifest }[] = [];
    for (const file of files) {
      const rel = relative(process.cwd(), file) || file;
      let loaded: Awaited<ReturnType<typeof loadManifests>>;
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
        const issues = isEventsManifest(manifest) ? validateEventsManifest(manifest) : manifestIssues(manifest);
        for (const i of issues) process.stderr.write(`${rel}: ${label}: ${i.path ? `${i.path}: ` : ""}${i.message}\n`);
        problems += issues.length;
        if (!issues.length) checked.push({ rel, label, loaded: { manifest, file } });
      }
      if (!problems) process.stdout.write(`${rel}: ok (${loaded.length} manifest${loaded.length === 1 ? "" : "s"})\n`);
    }
    if (opts.server && checked.length) problems += await serverDryRun(checked, opts);
    if (problems) throw new LintFailed(problems);
  });
}

/** Asks the API server to validate each manifest without persisting it; returns the problem count. */
async function serverDryRun(
  checked: { rel: string; label: string; loaded: LoadedManifest }[],
  opts: ClusterOptions,
): Promise<number> {
  const client = await clientFrom(opts);
  let problems = 0;
  for (const { rel, label, loaded } of checked) {
    try {
      await client.create(loaded.manifest as never, { dryRun: "server" });
      process.stdout.write(`${rel}: ${label}: accepted by the server (dry run)\n`);
    } catch (e) {
      const err = e as WfcError & { causes?: readonly { field?: string; message: string }[] };
      if (!(e instanceof WfcError)) throw e;
      if (err.code === "AlreadyExists") {
        process.stdout.write(`${rel}: ${label}: valid (the server already has an object of that name)\n`);
        continue;
      }
      if (err.code !== "Invalid") throw e; // not a problem of the manifest: unreachable cluster, forbidden...
      const causes = err.causes?.length ? err.causes : [{ message: err.message }];
      for (const c of causes)
        process.stderr.write(`${rel}: ${label}: ${c.field ? `${c.field}: ` : ""}${c.message} (server)\n`);
      problems += causes.length;
    }
  }
  return problems;
}
