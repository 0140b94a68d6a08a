import { resolve } from "node:path";
import { type ArgoVersion, WfcError } from "@wfc/sdk";
import type { Command } from "commander";
import { argoVersionOption } from "../argo-version-option.js";
import { lintFiles, manifestLabel } from "../check.js";
import { addClusterOptions, type ClusterOptions, clientFrom } from "../cluster/options.js";
import { printWarning } from "../cluster/warnings.js";
import { inputsOrPipelines } from "../config/apply-config.js";
import { expandInputs, type LoadedManifest } from "../load.js";

const TS_MODULE = /\.(c|m)?tsx?$/;

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
    .description(
      "check workflows (TypeScript or YAML): TypeScript's type check, the compiler's checks and Argo's full CRD schema",
    )
    .argument(
      "[files...]",
      "pipeline modules (.ts, .js) or manifests (.yaml, .yml, .json) (default: the wfc configuration's pipelines)",
    )
    .option("--server", "also ask the cluster's API server to validate each manifest (server-side dry run)")
    .addOption(argoVersionOption())
    .addHelpText(
      "after",
      "\nEach problem is printed as <file>:<line>:<col>: <Kind>/<name>, template T, task K: <path>: <message> [E_CODE];\ntype errors as <file>:<line>:<col>: <message> [E_TYPE] (with the nearest tsconfig.json, strict defaults without one).\nExit code 1 when any problem is found.\n\nExamples:\n  wfc lint pipeline.ts manifests/*.yaml\n  wfc lint --server -n ci pipeline.ts",
    );
  addClusterOptions(cmd);
  cmd.action(async (given: string[], opts: ClusterOptions & { server?: boolean; argoVersion: ArgoVersion }) => {
    const inputs = await inputsOrPipelines(given, cmd);
    const files = await expandInputs(inputs, (f) => process.stderr.write(`wfc: skipped ${f} (a test file)\n`));
    // Type errors first (TypeScript is loaded only when a .ts module is given).
    const typed = files.some((f) => TS_MODULE.test(f)) ? (await import("../typecheck.js")).typeCheck(files) : [];
    if (typed.length) {
      const { formatTypeIssue } = await import("../typecheck.js");
      for (const i of typed) process.stderr.write(`${formatTypeIssue(i)}\n`);
    }
    const { problems: found, valid } = await lintFiles(
      files,
      (line) => process.stderr.write(`${line}\n`),
      opts.argoVersion,
    );
    const okLines: string[] = [];
    let empty = 0;
    for (const f of files) {
      const ok = valid.filter((v) => v.file === f);
      const clean = !found.some((p) => p.file === f) && !typed.some((t) => t.file === resolve(f));
      if (ok.length && clean) okLines.push(`${f}: ok (${ok.length} manifest${ok.length === 1 ? "" : "s"})\n`);
      else if (clean) {
        // kubectl refuses such a file too ("no objects passed to apply"): an error, not "ok".
        process.stderr.write(
          `${f}: holds no manifests (empty, or only comments and empty documents) [E_NO_MANIFESTS]\n`,
        );
        empty++;
      }
    }
    let problems = found.length + typed.length + empty;
    const checked = valid.map((v) => ({ rel: v.file, label: manifestLabel(v.loaded.manifest), loaded: v.loaded }));
    // With --server, "ok" is said only once the server has answered (a 401 must not follow an "ok").
    if (opts.server && checked.length) problems += await serverDryRun(checked, opts);
    for (const line of okLines) process.stdout.write(line);
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
      await client.create(loaded.manifest as never, {
        dryRun: "server",
        fieldValidation: "Strict",
        onWarning: printWarning,
      });
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
