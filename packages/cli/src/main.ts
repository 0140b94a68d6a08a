import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import type { ManifestProblem } from "./check.js";

/** The stack of an error and of its causes (`--verbose`). */
function stackOf(e: unknown): string {
  const parts: string[] = [];
  for (let c: unknown = e; c; c = (c as { cause?: unknown }).cause)
    parts.push(c instanceof Error ? (c.stack ?? String(c)) : String(c));
  return parts.join("\ncaused by: ");
}

const VERSION = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string })
  .version;

/**
 * Every command's module, loaded only when the command is used (all of them for `wfc --help` and
 * for an unknown command, so that commander can list them and suggest one): `wfc build` loads
 * neither the cluster client, the runner, TypeScript nor the graph layout.
 */
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
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

/**
 * Builds the `wfc` program with the commands `which` asks for: `"all"`, one command's name (an
 * unknown name gives all), or `"none"` (`wfc --version`).
 *
 * @example
 * ```ts
 * const program = await createProgram("all"); await program.parseAsync(["node", "wfc", "--help"]);
 * ```
 */
export async function createProgram(which: "all" | "none" | string | undefined): Promise<Command> {
  const program = new Command("wfc")
    .option("--verbose", "print the stack of an error (also: WFC_DEBUG=1)")
    .description("wfc: write Argo Workflows in typed TypeScript; build, lint, graph, submit and watch them")
    .version(VERSION, "-v, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  const command = which && Object.hasOwn(ALIASES, which) ? ALIASES[which] : which;
  const names =
    command === "none" ? [] : command && Object.hasOwn(COMMANDS, command) ? [command] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((n) => COMMANDS[n]!()));
  for (const register of registers) register(program);
  // nested commands too (cron list, template get, ...)
  const override = (cmd: Command): void => {
    for (const c of cmd.commands) {
      c.exitOverride();
      override(c);
    }
  };
  override(program);
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
  const rest = argv.slice(2);
  const first = rest.find((a) => !a.startsWith("-"));
  const onlyVersion =
    !first && rest.some((a) => a === "-v" || a === "--version") && !rest.some((a) => a === "-h" || a === "--help");
  // help and completion describe every command
  const wantsAll = !first || first === "help" || first === "completion";
  try {
    const program = await createProgram(onlyVersion ? "none" : wantsAll ? "all" : first);
    await program.parseAsync(argv as string[]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
        return 0;
      if (e.code === "commander.executeSubCommandAsync") return e.exitCode;
      return 2;
    }
    // the SDK is loaded already when one of its errors was thrown
    const { WfcError } = await import("@wfc/sdk/internal");
    if (e instanceof WfcError || (e instanceof Error && e.name === "YamlError")) {
      const problems = (e as { problems?: readonly ManifestProblem[] }).problems;
      if (e instanceof WfcError && Array.isArray(problems) && problems.length) {
        const { formatProblem } = await import("./check.js");
        for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
      }
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
