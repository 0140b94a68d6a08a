import type { Command } from "commander";
import { type CommandTable, createProgramFrom, type RegisterCommand, runProgram } from "./program.js";

/**
 * Every command's module, loaded only when the command is used (all of them for `wfc --help` and
 * for an unknown command, so that commander can list them and suggest one): `wfc build` loads
 * neither the cluster client, the runner, TypeScript nor the graph layout.
 */
const COMMANDS: Record<string, () => Promise<RegisterCommand>> = {
  build: async () => (await import("./commands/build.js")).registerBuild,
  lint: async () => (await import("./commands/lint.js")).registerLint,
  graph: async () => (await import("./commands/graph.js")).registerGraph,
  import: async () => (await import("./commands/import.js")).registerImport,
  init: async () => (await import("./commands/init.js")).registerInit,
  submit: async () => (await import("./commands/submit.js")).registerSubmit,
  apply: async () => (await import("./commands/apply.js")).registerApply,
  get: async () => (await import("./commands/get.js")).registerGet,
  list: async () => (await import("./commands/list.js")).registerList,
  logs: async () => (await import("./commands/logs.js")).registerLogs,
  delete: async () => (await import("./commands/delete.js")).registerDelete,
  run: async () => (await import("./commands/run.js")).registerRun,
  stop: async () => (await import("./commands/stop.js")).registerStop,
  terminate: async () => (await import("./commands/stop.js")).registerTerminate,
  suspend: async () => (await import("./commands/suspend.js")).registerSuspend,
  resume: async () => (await import("./commands/suspend.js")).registerResume,
  retry: async () => (await import("./commands/retry.js")).registerRetry,
  resubmit: async () => (await import("./commands/retry.js")).registerResubmit,
  wait: async () => (await import("./commands/wait.js")).registerWait,
  watch: async () => (await import("./commands/wait.js")).registerWatch,
  cron: async () => (await import("./commands/cron.js")).registerCron,
  template: async () => (await import("./commands/template.js")).registerTemplate,
  "cluster-template": async () => (await import("./commands/template.js")).registerClusterTemplate,
  version: async () => (await import("./commands/version.js")).registerVersion,
  completion: async () => (await import("./commands/completion.js")).registerCompletion,
};

/** Aliases of lazily registered commands (`wfc ls` is `wfc list`, as `--help` says). */
const ALIASES: Record<string, string> = { ls: "list" };

/** Every command of `wfc`. */
const ALL: CommandTable = { commands: COMMANDS, aliases: ALIASES };

/**
 * Builds the `wfc` program with the commands `which` asks for: `"all"`, one command's name (an
 * unknown name gives all), or `"none"` (`wfc --version`).
 *
 * @example
 * ```ts
 * const program = await createProgram("all"); await program.parseAsync(["node", "wfc", "--help"]);
 * ```
 */
export function createProgram(which: "all" | "none" | string | undefined): Promise<Command> {
  return createProgramFrom(ALL, which);
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
export function main(args: readonly string[]): Promise<number> {
  return runProgram(ALL, args);
}

export { endEsbuildProcesses } from "./loader/esbuild-children.js";
