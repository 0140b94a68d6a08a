import { readFileSync } from "node:fs";
import { WfcError } from "@wfc/sdk";
import { Command, CommanderError } from "commander";
import { registerBuild } from "./commands/build.js";
import { registerGraph } from "./commands/graph.js";
import { registerImport } from "./commands/import.js";
import { registerLint } from "./commands/lint.js";

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
    .description("wfc: write Argo Workflows in typed TypeScript; build, lint, graph, submit and watch them")
    .version(VERSION, "-v, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  registerBuild(program);
  registerLint(program);
  registerGraph(program);
  registerImport(program);
  const names = which === "all" ? Object.keys(CLUSTER_COMMANDS) : which && which in CLUSTER_COMMANDS ? [which] : [];
  for (const n of names) (await CLUSTER_COMMANDS[n]!())(program);
  for (const c of program.commands) c.exitOverride();
  return program;
}

/**
 * Runs the CLI and returns the exit code: 0 success, 1 invalid input or failed operation,
 * 2 usage error.
 *
 * @example
 * ```ts
 * process.exitCode = await main(["node", "wfc", "build", "pipeline.ts"]);
 * ```
 */
export async function main(argv: readonly string[]): Promise<number> {
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
      process.stderr.write(`error: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 70;
  }
}
