import { readFileSync } from "node:fs";
import { WfcError } from "@wfc/sdk";
import { Command, CommanderError } from "commander";
import { formatProblem, type ManifestProblem } from "./check.js";
import { registerBuild } from "./commands/build.js";
import { registerGraph } from "./commands/graph.js";
import { registerImport } from "./commands/import.js";
import { registerInit } from "./commands/init.js";
import { registerLint } from "./commands/lint.js";

/** The stack of an error and of its causes (`--verbose`). */
function stackOf(e: unknown): string {
  const parts: string[] = [];
  for (let c: unknown = e; c; c = (c as { cause?: unknown }).cause)
    parts.push(c instanceof Error ? (c.stack ?? String(c)) : String(c));
  return parts.join("\ncaused by: ");
}

const VERSION = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string })
  .version;

/** Commands that talk to a cluster: loaded only when used, so `wfc build` stays fast. */
const CLUSTER_COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  submit: async () => (await import("./commands/submit.js")).registerSubmit,
  apply: async () => (await import("./commands/apply.js")).registerApply,
  get: async () => (await import("./commands/get.js")).registerGet,
  list: async () => (await import("./commands/list.js")).registerList,
  logs: async () => (await import("./commands/logs.js")).registerLogs,
  delete: async () => (await import("./commands/delete.js")).registerDelete,
  run: async () => (await import("./commands/run.js")).registerRun,
};

/**
 * Builds the `wfc` program; cluster commands are registered when `which` asks for them.
 *
 * @example
 * ```ts
 * const program = await createProgram("all"); await program.parseAsync(["node", "wfc", "--help"]);
 * ```
 */
export async function createProgram(which: "all" | string | undefined): Promise<Command> {
  const program = new Command("wfc")
    .option("--verbose", "print the stack of an error (also: WFC_DEBUG=1)")
    .description("wfc: write Argo Workflows in typed TypeScript; build, lint, graph, submit and watch them")
    .version(VERSION, "-v, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  registerBuild(program);
  registerLint(program);
  registerGraph(program);
  registerImport(program);
  registerInit(program);
  const names = which === "all" ? Object.keys(CLUSTER_COMMANDS) : which && which in CLUSTER_COMMANDS ? [which] : [];
  for (const n of names) (await CLUSTER_COMMANDS[n]!())(program);
  for (const c of program.commands) c.exitOverride();
  // the project configuration supplies defaults the command line did not give (-n, --argo-version)
  program.hook("preAction", async (_root, action) =>
    (await import("./config/apply-config.js")).applyConfigDefaults(action),
  );
  return program;
}

/**
 * Runs the CLI and returns the exit code: 0 success, 1 invalid input or failed operation,
 * 2 usage error. `--verbose` (anywhere on the command line) or `WFC_DEBUG=1` adds the stack of an
 * error (and of its causes).
 *
 * @example
 * ```ts
 * process.exitCode = await main(["node", "wfc", "build", "pipeline.ts"]);
 * ```
 */
export async function main(args: readonly string[]): Promise<number> {
  // --verbose (anywhere) or WFC_DEBUG=1: errors are printed with their stack
  const verbose = args.includes("--verbose") || /^(1|true|yes)$/i.test(process.env.WFC_DEBUG ?? "");
  const argv = args.filter((a) => a !== "--verbose");
  const first = argv.slice(2).find((a) => !a.startsWith("-"));
  const wantsAll = !first || first === "help";
  try {
    const program = await createProgram(wantsAll ? "all" : first);
    await program.parseAsync(argv as string[]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
        return 0;
      if (e.code === "commander.executeSubCommandAsync") return e.exitCode;
      return 2;
    }
    if (e instanceof WfcError || (e instanceof Error && e.name === "YamlError")) {
      const problems = (e as { problems?: readonly ManifestProblem[] }).problems;
      if (e instanceof WfcError && Array.isArray(problems))
        for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
      // one format: every wfc error ends with its code
      const code = (e as { code?: unknown }).code;
      const tag =
        typeof code === "string" && code.startsWith("E_") && !e.message.includes(`[${code}]`) ? ` [${code}]` : "";
      process.stderr.write(`error: ${e.message}${tag}\n`);
      if (verbose) process.stderr.write(`${stackOf(e)}\n`);
      return 1;
    }
    process.stderr.write(`internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 70;
  }
}
