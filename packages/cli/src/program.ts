/**
 * The `wfc` program around a table of commands: the options every run has, the project
 * configuration's defaults, and what an error becomes (message, exit code). `main.ts` runs it with
 * every command; `cluster-main.ts` (bundled into one file) with the cluster read commands alone.
 */
import { Command, CommanderError } from "commander";
import type { ManifestProblem } from "./check.js";
import { VERSION } from "./package-version.js";

/** Registers one command (or several: `cron list`, `cron get`, ...) on the program. */
export type RegisterCommand = (program: Command) => void;

/**
 * Command names and how to load each one's register function; aliases of lazily registered
 * commands (`wfc ls` is `wfc list`, as `--help` says).
 */
export interface CommandTable {
  readonly commands: Readonly<Record<string, () => Promise<RegisterCommand> | RegisterCommand>>;
  readonly aliases: Readonly<Record<string, string>>;
  /**
   * Copies of the SDK's `WfcError` class that the commands' errors may be instances of, besides
   * the SDK's own: a bundle that inlines the SDK's errors names its copy here.
   */
  readonly wfcErrors?: readonly (abstract new (
    ...args: never[]
  ) => Error)[];
}

/** The stack of an error and of its causes (`--verbose`). */
function stackOf(e: unknown): string {
  const parts: string[] = [];
  for (let c: unknown = e; c; c = (c as { cause?: unknown }).cause)
    parts.push(c instanceof Error ? (c.stack ?? String(c)) : String(c));
  return parts.join("\ncaused by: ");
}

/**
 * Which commands a command line needs (`argv` as `process.argv`, without `--verbose`): `"none"`
 * for `wfc --version`, `"all"` for help, completion and no command, else the first word that is
 * not an option (a command's name, an alias, or an unknown word, which gives all).
 *
 * @example
 * ```ts
 * commandsFor(["node", "wfc", "get", "hello", "-o", "yaml"]) // "get"
 * ```
 */
export function commandsFor(argv: readonly string[]): string {
  const rest = argv.slice(2);
  const first = rest.find((a) => !a.startsWith("-"));
  const onlyVersion =
    !first && rest.some((a) => a === "-v" || a === "--version") && !rest.some((a) => a === "-h" || a === "--help");
  if (onlyVersion) return "none";
  // help and completion describe every command
  return !first || first === "help" || first === "completion" ? "all" : first;
}

/**
 * Builds the `wfc` program with the commands of `table` that `which` asks for: `"all"`, one
 * command's name or alias (an unknown name gives all), or `"none"` (`wfc --version`).
 *
 * @example
 * ```ts
 * const program = await createProgramFrom(table, "get"); await program.parseAsync(argv);
 * ```
 */
export async function createProgramFrom(table: CommandTable, which: string | undefined): Promise<Command> {
  const program = new Command("wfc")
    .option("--verbose", "print the stack of an error (also: WFC_DEBUG=1)")
    .description("wfc: write Argo Workflows in typed TypeScript; build, lint, graph, submit and watch them")
    .version(VERSION, "-v, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  const { commands, aliases } = table;
  const command = which && Object.hasOwn(aliases, which) ? aliases[which] : which;
  const names =
    command === "none" ? [] : command && Object.hasOwn(commands, command) ? [command] : Object.keys(commands);
  const registers = await Promise.all(names.map((n) => commands[n]!()));
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
 * Runs the program of `table` on `args` (as `process.argv`) and returns the exit code: 0 success,
 * 1 invalid input or failed operation, 2 usage error, 70 internal error. `--verbose` (anywhere on
 * the command line) or `WFC_DEBUG=1` adds the stack of an error (and of its causes).
 *
 * @example
 * ```ts
 * process.exitCode = await runProgram(table, ["node", "wfc", "get", "hello"]);
 * ```
 */
export async function runProgram(table: CommandTable, args: readonly string[]): Promise<number> {
  // --verbose (anywhere) or WFC_DEBUG=1: errors are printed with their stack
  const verbose = args.includes("--verbose") || /^(1|true|yes)$/i.test(process.env.WFC_DEBUG ?? "");
  const argv = args.filter((a) => a !== "--verbose");
  try {
    const program = await createProgramFrom(table, commandsFor(argv));
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
    const isWfcError =
      table.wfcErrors?.some((c) => e instanceof c) || e instanceof (await import("@wfc/sdk/internal")).WfcError;
    if (e instanceof Error && (isWfcError || e.name === "YamlError")) {
      const problems = (e as { problems?: readonly ManifestProblem[] }).problems;
      if (isWfcError && Array.isArray(problems) && problems.length) {
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
